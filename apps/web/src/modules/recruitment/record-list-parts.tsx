import { DownloadOutlined } from '@ant-design/icons';
import {
  ExportRecruitmentLedgerRoute,
  GRADES,
  type Grade,
  LIGHTS,
  type Light,
  type RecruitmentListQuery,
  type RecruitmentPlan,
  type RecruitmentSummary,
  STAGES,
  type Stage,
} from '@gaodi/contracts';
import { App, Button, DatePicker, Flex, Input, Select, Switch, type TableProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { downloadRoute } from '../../ui/api.ts';
import { formatDate } from '../../ui/format.ts';
import { type Lang, useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { usePositionNames } from '../pipelines/stage-names.ts';
import { LightTag, lightLabel } from '../supervision/light-tag.tsx';
import { GradeTag, gradeLabel, stageLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { useAssignable } from './use-recruitment.ts';

export const KEYS = [
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
export const SORTS = [
  'updatedAt',
  'lastEntryOn',
  'nextDate',
  'light',
  'grade',
  'institute',
  'stage',
] as const;

export type UrlState = Record<(typeof KEYS)[number], string | undefined>;
type SortOrder = (key: (typeof SORTS)[number]) => 'ascend' | 'descend' | null;

/** The next step and, in brackets, its date; — when none is planned. */
function NextStep({ record: r, lang }: { record: RecruitmentSummary; lang: Lang }) {
  if (!r.nextStep) return '—';
  return (
    <span>
      {r.nextStep}
      {r.nextDate && <span style={{ color: '#888' }}>（{formatDate(r.nextDate, lang)}）</span>}
    </span>
  );
}

/** The list's columns; sortable ones show the URL's sort. */
export function useRecordColumns(sortOrderOf: SortOrder): TableProps<RecruitmentSummary>['columns'] {
  const { lang } = useI18n();
  const t = useText();
  const { nameOf } = usePositionNames('recruitment');
  const sortable = (key: (typeof SORTS)[number]) => ({ key, sorter: true, sortOrder: sortOrderOf(key) });
  return [
    {
      title: t('institute'),
      ...sortable('institute'),
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
      ...sortable('grade'),
      width: 80,
      render: (_, r) => <GradeTag grade={r.grade} lang={lang} />,
    },
    {
      title: t('stage'),
      ...sortable('stage'),
      width: 90,
      render: (_, r) => nameOf({ stage: r.stage, subStage: r.subStage }),
    },
    {
      title: t('light'),
      ...sortable('light'),
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
      ...sortable('lastEntryOn'),
      width: 110,
      responsive: ['md'],
      render: (_, r) => formatDate(r.lastEntryOn, lang) || '—',
    },
    {
      title: t('nextStep'),
      ...sortable('nextDate'),
      width: 240,
      render: (_, r) => <NextStep record={r} lang={lang} />,
    },
    {
      title: t('overdue'),
      key: 'overdue',
      width: 70,
      render: (_, r) => (r.overdueMilestones > 0 ? <Tag color="red">{r.overdueMilestones}</Tag> : ''),
    },
  ];
}

/** The filters offices use every morning, kept in the URL. */
export function RecordFilters({
  state,
  query,
  update,
}: {
  state: UrlState;
  query: RecruitmentListQuery;
  update: (change: Partial<UrlState>) => void;
}) {
  const { lang } = useI18n();
  const t = useText();
  const people = useAssignable();
  const industries = useIndustries();
  return (
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
  );
}

/** The monthly ledger (.xlsx) of a chosen month. */
export function LedgerExport() {
  const t = useText();
  const { message } = App.useApp();
  const [month, setMonth] = useState(dayjs());
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
  );
}

/** The year's plan: recruited and operating against their targets. */
export function PlanSummary({ plan, onEdit }: { plan: RecruitmentPlan; onEdit: () => void }) {
  const t = useText();
  const can = useCan();
  return (
    <Flex gap={24} wrap style={{ marginBottom: 12 }} data-testid="recruitment-plan">
      <span>{t('plan', { year: plan.year })}</span>
      <span>
        {t('recruited')}：<b>{plan.recruited}</b> / {t('target', { n: plan.targetRecruited })}
      </span>
      <span>
        {t('operating')}：<b>{plan.operating}</b> / {t('target', { n: plan.targetOperating })}
      </span>
      {can('recruitment', 'update') && (
        <Button size="small" type="link" onClick={onEdit}>
          {t('edit')}
        </Button>
      )}
    </Flex>
  );
}
