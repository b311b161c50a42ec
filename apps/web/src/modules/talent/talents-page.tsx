import { DownloadOutlined, PlusOutlined, ReadOutlined, UploadOutlined } from '@ant-design/icons';
import { Degree, TalentMode, type TalentSummary } from '@gaodi/contracts';
import { App, Button, Flex, Table, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { ListSearch, UrlFilterSelect, useUrlPagination } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { ImportPreviewDialog } from '../directory/enterprise-import.tsx';
import { useIndustries } from '../directory/use-industries.ts';
import { DEGREE, MODE, options } from '../innovation/innovation-labels.ts';
import { useTalentColumns } from './talent-columns.tsx';
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

const KEYS = ['q', 'industryId', 'programmeId', 'groupId', 'mode', 'degree', 'page'] as const;
type UrlState = Record<(typeof KEYS)[number], string | undefined>;

/** Catalogue, 人才台账 import and export, registration: as far as the user may. */
function TalentActions({ onCreate, onImport }: { onCreate: () => void; onImport: (file: File) => void }) {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  return (
    <Flex gap={8}>
      <Link to="/talents/catalogue">
        <Button icon={<ReadOutlined />}>{t('tal.catalogue')}</Button>
      </Link>
      {can('talent', 'import') && (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            onImport(file);
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
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="talent-new">
          {t('tal.new')}
        </Button>
      )}
    </Flex>
  );
}

/** Search by name; filters by industry, programme, group, mode and degree. */
function TalentFilters({ state, update }: { state: UrlState; update: ReturnType<typeof useUrlState>[1] }) {
  const { t, lang } = useI18n();
  const industries = useIndustries();
  const catalogue = useTalentCatalogue();
  const filter = (name: 'industryId' | 'programmeId' | 'groupId' | 'mode' | 'degree') => ({
    name,
    value: state[name],
    update,
    minWidth: 140,
  });
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <div style={{ width: 240 }}>
        <ListSearch initial={state.q} update={update} placeholder={t('tal.name')} testId="talents-search" />
      </div>
      <UrlFilterSelect
        {...filter('industryId')}
        placeholder={t('inno.industry')}
        options={(industries.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
      />
      <UrlFilterSelect
        {...filter('programmeId')}
        placeholder={t('tal.programme')}
        options={(catalogue.data?.programmes ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <UrlFilterSelect
        {...filter('groupId')}
        placeholder={t('tal.groups')}
        options={(catalogue.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))}
      />
      <UrlFilterSelect {...filter('mode')} placeholder={t('tal.mode')} options={options(MODE, lang)} />
      <UrlFilterSelect {...filter('degree')} placeholder={t('tal.degree')} options={options(DEGREE, lang)} />
    </Flex>
  );
}

/** 人才: the registry with filters, the 人才台账 export and registration. */
export function TalentsPage() {
  const { t } = useI18n();
  const [isCreating, setIsCreating] = useState(false);
  const [importing, setImporting] = useState<File | null>(null);
  const [state, update] = useUrlState(KEYS);
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
  const pagination = useUrlPagination(query.page, list.data?.total, update);
  const columns = useTalentColumns();
  return (
    <Page
      title={t('tal.talents')}
      testId="talents-page"
      extra={<TalentActions onCreate={() => setIsCreating(true)} onImport={setImporting} />}
    >
      <Panel>
        <TalentFilters state={state} update={update} />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<TalentSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: 1000 }}
            pagination={pagination}
            columns={columns}
          />
        )}
      </Panel>
      {isCreating && <TalentFormDialog onClose={() => setIsCreating(false)} />}
      {importing && <TalentImport file={importing} onClose={() => setImporting(null)} />}
    </Page>
  );
}
