import { DownloadOutlined, PlusOutlined, ReadOutlined, UploadOutlined } from '@ant-design/icons';
import { Degree, TalentMode, type TalentSummary } from '@gaodi/contracts';
import { App, Button, Flex, Select, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { ListSearch } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { ImportPreviewDialog } from '../directory/enterprise-import.tsx';
import { useIndustries } from '../directory/use-industries.ts';
import { DEGREE, label, MODE, options } from '../innovation/innovation-labels.ts';
import { TalentFormDialog } from './talent-form-dialog.tsx';
import {
  exportTalentLedger,
  useConfirmTalentImport,
  usePreviewTalentImport,
  useTalentCatalogue,
  useTalents,
} from './use-talents.ts';

/** 人才台账 import: the server checks every row (de-duplicated by ID number) before anything is written. */
function TalentImport({ file, onClose }: { file: File; onClose: () => void }) {
  const preview = usePreviewTalentImport();
  const confirm = useConfirmTalentImport();
  return <ImportPreviewDialog file={file} onClose={onClose} preview={preview} confirm={confirm} />;
}

/** 人才: the registry with filters, the 人才台账 export and registration. */
export function TalentsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const industries = useIndustries();
  const catalogue = useTalentCatalogue();
  const [isCreating, setIsCreating] = useState(false);
  const [importing, setImporting] = useState<File | null>(null);
  const [state, update] = useUrlState([
    'q',
    'industryId',
    'programmeId',
    'groupId',
    'mode',
    'degree',
    'page',
  ] as const);
  const query = {
    q: state.q,
    industryId: state.industryId,
    programmeId: state.programmeId,
    groupId: state.groupId,
    mode: TalentMode.safeParse(state.mode).data,
    degree: Degree.safeParse(state.degree).data,
    page: toInt(state.page, 1),
    pageSize: 20,
  };
  const list = useTalents(query);
  const select = (
    key: 'industryId' | 'programmeId' | 'groupId' | 'mode' | 'degree',
    placeholder: string,
    opts: { value: string; label: string }[],
  ) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={state[key]}
      onChange={(v) => update({ [key]: v, page: undefined })}
      options={opts}
      style={{ minWidth: 140 }}
    />
  );
  return (
    <Page
      title={t('tal.talents')}
      testId="talents-page"
      extra={
        <Flex gap={8}>
          <Link to="/talents/catalogue">
            <Button icon={<ReadOutlined />}>{t('tal.catalogue')}</Button>
          </Link>
          {can('talent', 'import') && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                setImporting(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="talent-import">
                {t('tal.import')}
              </Button>
            </Upload>
          )}
          {can('talent', 'export') && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => exportTalentLedger().catch((e: Error) => message.error(e.message))}
            >
              {t('tal.export')}
            </Button>
          )}
          {can('talent', 'create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="talent-new"
            >
              {t('tal.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Panel>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <div style={{ width: 240 }}>
            <ListSearch
              initial={state.q}
              update={update}
              placeholder={t('tal.name')}
              testId="talents-search"
            />
          </div>
          {select(
            'industryId',
            t('inno.industry'),
            (industries.data ?? []).map((i) => ({ value: i.id, label: i.name })),
          )}
          {select(
            'programmeId',
            t('tal.programme'),
            (catalogue.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name })),
          )}
          {select(
            'groupId',
            t('tal.groups'),
            (catalogue.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name })),
          )}
          {select('mode', t('tal.mode'), options(MODE, lang))}
          {select('degree', t('tal.degree'), options(DEGREE, lang))}
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<TalentSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: 1000 }}
            pagination={{
              current: query.page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page) => update({ page: String(page) }, { keepPage: true }),
            }}
            columns={[
              {
                title: t('tal.name'),
                key: 'name',
                render: (_, x) => (
                  <Flex gap={4} wrap>
                    <Link to={`/talents/${x.id}`}>{x.name}</Link>
                    {x.isLeading && <Tag color="gold">{t('tal.leading')}</Tag>}
                    {!x.isLeading && x.isHighLevel && <Tag color="blue">{t('tal.highLevel')}</Tag>}
                  </Flex>
                ),
              },
              {
                title: t('tal.degree'),
                key: 'degree',
                width: 80,
                render: (_, x) => label(DEGREE, x.degree, lang),
              },
              { title: t('tal.employer'), dataIndex: 'employerName', key: 'employer' },
              {
                title: t('inno.industry'),
                key: 'industry',
                width: 120,
                render: (_, x) => x.industryName ?? '—',
              },
              {
                title: t('tal.programmes'),
                key: 'programmes',
                render: (_, x) => x.programmes.join('、') || '—',
              },
              { title: t('tal.mode'), key: 'mode', width: 80, render: (_, x) => label(MODE, x.mode, lang) },
              { title: t('tal.phone'), dataIndex: 'phone', key: 'phone', width: 130 },
            ]}
          />
        )}
      </Panel>
      {isCreating && <TalentFormDialog onClose={() => setIsCreating(false)} />}
      {importing && <TalentImport file={importing} onClose={() => setImporting(null)} />}
    </Page>
  );
}
