import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  ExportIncubateeLedgerRoute,
  type Incubatee,
  type IncubateePage,
  IncubateeStage,
  ReportTemplateRoute,
} from '@gaodi/contracts';
import { Button, Dropdown, Flex, Select, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { downloadRoute } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { ListSearch } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { EntryDialog } from './entry-dialog.tsx';
import { ImportDialog } from './import-dialog.tsx';
import { STAGE_COLOR, stageLabel, stageOptions } from './incubation-labels.ts';
import { useCarriers, useIncubatees } from './use-incubation.ts';

const KEYS = ['q', 'stage', 'carrierId', 'page'] as const;

/** 在孵主体: every incubatee by stage, carrier or name; entry, the 在孵企业台账 and the quarterly template. */
export function IncubateesPage() {
  const { t, lang } = useI18n();
  const [state, update] = useUrlState(KEYS);
  const query = {
    q: state.q,
    stage: IncubateeStage.safeParse(state.stage).data,
    carrierId: state.carrierId,
    page: toInt(state.page, 1),
    pageSize: 20,
  };
  const list = useIncubatees(query);
  const carriers = useCarriers({ pageSize: 200 });
  return (
    <Page title={t('nav.incubatees')} testId="incubatees-page" extra={<Actions />}>
      <Panel>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <div style={{ width: 240 }}>
            <ListSearch
              initial={state.q}
              update={update}
              placeholder={t('inc.name')}
              testId="incubatees-search"
            />
          </div>
          <Select
            allowClear
            placeholder={t('inc.stage')}
            value={state.stage}
            onChange={(v) => update({ stage: v, page: undefined })}
            options={stageOptions(lang)}
            style={{ minWidth: 130 }}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('inc.carrier')}
            value={state.carrierId}
            onChange={(v) => update({ carrierId: v, page: undefined })}
            options={(carriers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            style={{ minWidth: 220 }}
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <IncubateeTable
            data={list.data}
            loading={list.isFetching}
            page={query.page}
            onPage={(page) => update({ page: String(page) }, { keepPage: true })}
          />
        )}
      </Panel>
    </Page>
  );
}

/** Entry, the ledger export and import, the quarterly template and its import. */
function Actions() {
  const { t } = useI18n();
  const can = useCan();
  const [isEntering, setIsEntering] = useState(false);
  const [upload, setUpload] = useState<{ kind: 'ledger' | 'reports'; file: File } | null>(null);
  const picker = (kind: 'ledger' | 'reports', label: string) => (
    <Upload
      accept=".xlsx"
      showUploadList={false}
      beforeUpload={(file) => {
        setUpload({ kind, file });
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} data-testid={`import-${kind}`}>
        {label}
      </Button>
    </Upload>
  );
  return (
    <>
      {can('incubation', 'export') && (
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadRoute(ExportIncubateeLedgerRoute, {}, 'incubatee-ledger.xlsx')}
        >
          {t('inc.exportLedger')}
        </Button>
      )}
      {can('incubation', 'import') && picker('ledger', t('inc.importLedger'))}
      {can('incubation_report', 'import') && (
        <Dropdown.Button
          menu={{
            items: [{ key: 'template', label: t('inc.reportTemplate'), icon: <DownloadOutlined /> }],
            onClick: () => void downloadRoute(ReportTemplateRoute, {}, 'incubatee-reports.xlsx'),
          }}
          buttonsRender={([, menu]) => [picker('reports', t('inc.importReports')), menu]}
        />
      )}
      {can('incubation', 'create') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setIsEntering(true)}
          data-testid="incubatee-new"
        >
          {t('inc.enter')}
        </Button>
      )}
      {isEntering && <EntryDialog onClose={() => setIsEntering(false)} />}
      {upload && <ImportDialog kind={upload.kind} file={upload.file} onClose={() => setUpload(null)} />}
    </>
  );
}

function IncubateeTable({
  data,
  loading,
  page,
  onPage,
}: {
  data: IncubateePage | undefined;
  loading: boolean;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Table<Incubatee>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items}
      scroll={{ x: 900 }}
      pagination={{
        current: page,
        pageSize: 20,
        total: data?.total ?? 0,
        showTotal: (total) => t('common.total', { total }),
        onChange: onPage,
      }}
      columns={[
        {
          title: t('inc.name'),
          key: 'name',
          render: (_, n) => <Link to={`/incubatees/${n.id}`}>{n.name}</Link>,
        },
        {
          title: t('inc.stage'),
          key: 'stage',
          width: 110,
          render: (_, n) => <Tag color={STAGE_COLOR[n.stage]}>{stageLabel(n.stage, lang)}</Tag>,
        },
        { title: t('inc.carrier'), key: 'carrier', render: (_, n) => n.carrierName ?? '—' },
        {
          title: t('inc.creditCode'),
          key: 'code',
          width: 200,
          render: (_, n) => n.creditCode ?? t('inc.team'),
        },
        { title: t('inc.enteredOn'), key: 'on', width: 120, dataIndex: 'enteredOn' },
        {
          title: t('inc.enclave'),
          key: 'enclave',
          width: 140,
          render: (_, n) =>
            n.rdRegionCode ? (n.landedOn ? t('inc.landedOn', { on: n.landedOn }) : t('inc.inEnclave')) : '—',
        },
      ]}
    />
  );
}
