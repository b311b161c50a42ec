import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  ExportRecruitmentLedgerRoute,
  GRADES,
  type Grade,
  LIGHTS,
  type Light,
  type RecruitmentListQuery,
  type RecruitmentSummary,
  STAGES,
  type Stage,
} from '@gaodi/contracts';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Input,
  Select,
  Switch,
  Table,
  type TableProps,
  Tag,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { downloadRoute } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { tableChangeToUrl, usePagination } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { usePositionNames } from '../pipelines/stage-names.ts';
import { LightTag, lightLabel } from '../supervision/light-tag.tsx';
import { LedgerImportDialog } from './ledger-import-dialog.tsx';
import { PlanDialog } from './plan-dialog.tsx';
import { GradeTag, gradeLabel, stageLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { useAssignable, usePlan, useRecords } from './use-recruitment.ts';

const KEYS = [
  'q',
  'stage',
  'grade',
  'light',
  'industryId',
  'ownerId',
  'isOverdue',
  'sort',
  'order',
  'page',
  'pageSize',
] as const;
const SORTS = ['updatedAt', 'lastEntryOn', 'nextDate', 'light', 'grade', 'institute', 'stage'] as const;

/** The records with the filters offices use every morning, and the monthly ledger export and import. */
export function RecruitmentListPage() {
  const { lang } = useI18n();
  const { nameOf } = usePositionNames('recruitment');
  const t = useText();
  const can = useCan();
  const { message } = App.useApp();
  const [state, update] = useUrlState(KEYS);
  const [month, setMonth] = useState(dayjs());
  const [importFile, setImportFile] = useState<File | null>(null);
  const [isPlanOpen, setPlanOpen] = useState(false);
  const sort = SORTS.find((s) => s === state.sort);
  const page = toInt(state.page, 1);
  const pageSize = toInt(state.pageSize, 20);
  const query: RecruitmentListQuery = {
    q: state.q,
    stage: STAGES.find((s) => s === state.stage),
    grade: GRADES.find((g) => g === state.grade),
    light: LIGHTS.find((l) => l === state.light),
    industryId: state.industryId,
    ownerId: state.ownerId,
    isOverdue: state.isOverdue === 'true' ? 'true' : undefined,
    sort,
    order: state.order === 'asc' ? 'asc' : 'desc',
    page,
    pageSize,
  };
  const list = useRecords(query);
  const people = useAssignable();
  const industries = useIndustries();
  const plan = usePlan(dayjs().year());
  const sortOrderOf = (key: (typeof SORTS)[number]) =>
    sort === key ? (query.order === 'asc' ? 'ascend' : 'descend') : null;

  const columns: TableProps<RecruitmentSummary>['columns'] = [
    {
      title: t('institute'),
      key: 'institute',
      sorter: true,
      sortOrder: sortOrderOf('institute'),
      width: 220,
      render: (_, r) => (
        <Flex gap={4} wrap>
          <Link to={`/recruitment/${r.id}`}>{r.instituteName}</Link>
          {r.isGreenChannel && <Tag color="cyan">{t('greenChannel')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('grade'),
      key: 'grade',
      sorter: true,
      sortOrder: sortOrderOf('grade'),
      width: 80,
      render: (_, r) => <GradeTag grade={r.grade} lang={lang} />,
    },
    {
      title: t('stage'),
      key: 'stage',
      sorter: true,
      sortOrder: sortOrderOf('stage'),
      width: 90,
      render: (_, r) => nameOf({ stage: r.stage, subStage: r.subStage }),
    },
    {
      title: t('light'),
      key: 'light',
      sorter: true,
      sortOrder: sortOrderOf('light'),
      width: 110,
      render: (_, r) => <LightTag light={r.light} lang={lang} />,
    },
    {
      title: t('industry'),
      key: 'industry',
      width: 110,
      responsive: ['md'],
      render: (_, r) => r.industryName ?? '—',
    },
    { title: t('owner'), key: 'owner', width: 90, render: (_, r) => r.owner?.name ?? '—' },
    {
      title: t('lastEntry'),
      key: 'lastEntryOn',
      sorter: true,
      sortOrder: sortOrderOf('lastEntryOn'),
      width: 110,
      responsive: ['md'],
      render: (_, r) => formatDate(r.lastEntryOn, lang) || '—',
    },
    {
      title: t('nextStep'),
      key: 'nextDate',
      sorter: true,
      sortOrder: sortOrderOf('nextDate'),
      width: 240,
      render: (_, r) =>
        r.nextStep ? (
          <span>
            {r.nextStep}
            {r.nextDate && <span style={{ color: '#888' }}>（{formatDate(r.nextDate, lang)}）</span>}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('overdue'),
      key: 'overdue',
      width: 70,
      render: (_, r) => (r.overdueMilestones > 0 ? <Tag color="red">{r.overdueMilestones}</Tag> : ''),
    },
  ];

  const onTableChange = tableChangeToUrl<RecruitmentSummary>(SORTS, update);
  const pagination = usePagination(page, pageSize, list.data?.total);

  const exportLedger = async () => {
    try {
      await downloadRoute(
        ExportRecruitmentLedgerRoute,
        { query: { month: month.format('YYYY-MM') } },
        `ledger-${month.format('YYYY-MM')}.xlsx`,
      );
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Page
      title={t('list')}
      crumbs={[{ title: t('title') }, { title: t('list') }]}
      testId="recruitment-list"
      extra={
        <>
          <Link to="/recruitment">
            <Button>{t('board')}</Button>
          </Link>
          {can('recruitment', 'export') && (
            <Flex gap={4}>
              <DatePicker
                picker="month"
                value={month}
                onChange={(v) => v && setMonth(v)}
                allowClear={false}
                aria-label={t('month')}
              />
              <Button icon={<DownloadOutlined />} onClick={exportLedger} data-testid="ledger-export">
                {t('export')}
              </Button>
            </Flex>
          )}
          {can('recruitment', 'import') && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                setImportFile(file);
                return false; // previewed by the server first, never uploaded as is
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="ledger-import">
                {t('import')}
              </Button>
            </Upload>
          )}
          {can('recruitment', 'create') && (
            <Link to="/recruitment/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('newRecord')}
              </Button>
            </Link>
          )}
        </>
      }
    >
      {plan.data && (
        <Flex gap={24} wrap style={{ marginBottom: 12 }} data-testid="recruitment-plan">
          <span>{t('plan', { year: plan.data.year })}</span>
          <span>
            {t('recruited')}：<b>{plan.data.recruited}</b> / {t('target', { n: plan.data.targetRecruited })}
          </span>
          <span>
            {t('operating')}：<b>{plan.data.operating}</b> / {t('target', { n: plan.data.targetOperating })}
          </span>
          {can('recruitment', 'update') && (
            <Button size="small" type="link" onClick={() => setPlanOpen(true)}>
              {t('edit')}
            </Button>
          )}
        </Flex>
      )}
      <Panel>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={state.q}
            placeholder={t('search')}
            style={{ width: 220 }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder={t('stage')}
            style={{ width: 110 }}
            value={query.stage}
            onChange={(v?: Stage) => update({ stage: v })}
            options={STAGES.map((s) => ({ value: s, label: stageLabel(s, lang) }))}
          />
          <Select
            allowClear
            placeholder={t('grade')}
            style={{ width: 130 }}
            value={query.grade}
            onChange={(v?: Grade) => update({ grade: v })}
            options={GRADES.map((g) => ({ value: g, label: gradeLabel(g, lang) }))}
          />
          <Select
            allowClear
            placeholder={t('light')}
            style={{ width: 110 }}
            value={query.light}
            onChange={(v?: Light) => update({ light: v })}
            options={LIGHTS.map((l) => ({ value: l, label: lightLabel(l, lang) }))}
            data-testid="filter-light"
          />
          <Select
            allowClear
            placeholder={t('industry')}
            style={{ width: 140 }}
            value={query.industryId}
            onChange={(v?: string) => update({ industryId: v })}
            options={(industries.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('owner')}
            style={{ width: 120 }}
            value={query.ownerId}
            onChange={(v?: string) => update({ ownerId: v })}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Flex gap={4} align="center">
            <Switch
              size="small"
              checked={state.isOverdue === 'true'}
              onChange={(v) => update({ isOverdue: v ? 'true' : undefined })}
            />
            {t('overdueOnly')}
          </Flex>
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1100 }}
            pagination={pagination}
            data-testid="recruitment-table"
          />
        )}
      </Panel>
      {isPlanOpen && plan.data && <PlanDialog plan={plan.data} onClose={() => setPlanOpen(false)} />}
      {importFile && <LedgerImportDialog file={importFile} onClose={() => setImportFile(null)} />}
    </Page>
  );
}
