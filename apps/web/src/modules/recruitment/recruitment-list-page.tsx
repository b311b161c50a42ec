import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { GRADES, LIGHTS, type RecruitmentListQuery, type RecruitmentSummary, STAGES } from '@gaodi/contracts';
import { Button, Table, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { tableChangeToUrl, usePagination } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { LedgerImportDialog } from './ledger-import-dialog.tsx';
import { PlanDialog } from './plan-dialog.tsx';
import {
  KEYS,
  LedgerExport,
  PlanSummary,
  RecordFilters,
  SORTS,
  type UrlState,
  useRecordColumns,
} from './record-list-parts.tsx';
import { useText } from './recruitment-text.ts';
import { useAssignable, usePlan, useRecords } from './use-recruitment.ts';

/** The list's query from its URL state (unknown values dropped). */
function listQueryOf(state: UrlState) {
  return {
    q: state.q,
    stage: STAGES.find((s) => s === state.stage),
    grade: GRADES.find((g) => g === state.grade),
    light: LIGHTS.find((l) => l === state.light),
    industryId: state.industryId,
    ownerId: state.ownerId,
    isOverdue: state.isOverdue === 'true' ? ('true' as const) : undefined,
    sort: SORTS.find((s) => s === state.sort),
    order: state.order === 'asc' ? ('asc' as const) : ('desc' as const),
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 20),
  } satisfies RecruitmentListQuery;
}

/** Board, ledger export and import, new record: as far as the user may. */
function ListActions({ onImport }: { onImport: (file: File) => void }) {
  const t = useText();
  const can = useCan();
  return (
    <>
      <Link to="/recruitment">
        <Button>{t('board')}</Button>
      </Link>
      {can('recruitment', 'export') && <LedgerExport />}
      {can('recruitment', 'import') && (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            onImport(file);
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
  );
}

/** The records with the filters offices use every morning, and the monthly ledger export and import. */
export function RecruitmentListPage() {
  const t = useText();
  const [state, update] = useUrlState(KEYS);
  const [importFile, setImportFile] = useState<File | null>(null);
  const [isPlanOpen, setPlanOpen] = useState(false);
  const query = listQueryOf(state);
  const { sort, page, pageSize } = query;
  const list = useRecords(query);
  const _people = useAssignable();
  const _industries = useIndustries();
  const plan = usePlan(dayjs().year());
  const sortOrderOf = (key: (typeof SORTS)[number]) =>
    sort === key ? (query.order === 'asc' ? 'ascend' : 'descend') : null;

  const columns = useRecordColumns(sortOrderOf);

  const onTableChange = tableChangeToUrl<RecruitmentSummary>(SORTS, update);
  const pagination = usePagination(page, pageSize, list.data?.total);

  return (
    <Page
      title={t('list')}
      crumbs={[{ title: t('title') }, { title: t('list') }]}
      testId="recruitment-list"
      extra={<ListActions onImport={setImportFile} />}
    >
      {plan.data && <PlanSummary plan={plan.data} onEdit={() => setPlanOpen(true)} />}
      <Panel>
        <RecordFilters state={state} query={query} update={update} />
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
