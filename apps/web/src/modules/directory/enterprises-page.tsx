import { DownloadOutlined } from '@ant-design/icons';
import { type Enterprise, EnterpriseScale } from '@gaodi/contracts';
import { App, Button, Select, type TableProps } from 'antd';
import { useState } from 'react';
import { FilePickButton } from '../../ui/file-pick-button.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import {
  DirectoryListPage,
  useDirectoryListState,
  useNameColumn,
  useRecordColumns,
} from './directory-list.tsx';
import { EnterpriseImport } from './enterprise-import.tsx';
import { scaleLabel, scaleOptions } from './labels.ts';
import {
  type EnterpriseQuery,
  exportEnterprises,
  useEnterprises,
  useSetEnterpriseDeleted,
} from './use-enterprises.ts';
import { useIndustries } from './use-industries.ts';

const KEYS = ['q', 'industryId', 'scale', 'deleted', 'sort', 'order', 'page', 'pageSize'] as const;
const SORTS = ['name', 'createdAt', 'creditCode'] as const;
type Sort = (typeof SORTS)[number];

export function EnterprisesPage() {
  const { t, lang } = useI18n();
  const list = useDirectoryListState(KEYS, SORTS);
  const query: EnterpriseQuery = {
    ...list.base,
    industryId: list.state.industryId,
    scale: EnterpriseScale.safeParse(list.state.scale).data,
  };
  const result = useEnterprises(query);
  const industries = useIndustries();
  const [importFile, setImportFile] = useState<File | null>(null);
  const columns = useEnterpriseColumns(list);
  return (
    <DirectoryListPage
      entity="enterprise"
      list={list}
      result={result}
      columns={columns}
      scrollX={1120}
      actions={<EnterpriseFileActions query={query} onImport={setImportFile} />}
      filters={
        <>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enterprise.allIndustries')}
            value={query.industryId}
            onChange={(value?: string) => list.update({ industryId: value })}
            options={(industries.data ?? []).map((i) => ({
              value: i.id,
              label: lang === 'zh' ? i.name : i.nameEn,
            }))}
            loading={industries.isPending}
            style={{ width: 180 }}
            data-testid="enterprise-industry-filter"
          />
          <Select
            allowClear
            placeholder={t('enterprise.allScales')}
            value={query.scale}
            onChange={(value?: string) => list.update({ scale: value })}
            options={scaleOptions(lang)}
            style={{ width: 130 }}
            data-testid="enterprise-scale-filter"
          />
        </>
      }
    >
      {importFile && <EnterpriseImport file={importFile} onClose={() => setImportFile(null)} />}
    </DirectoryListPage>
  );
}

function useEnterpriseColumns(list: ReturnType<typeof useDirectoryListState<string, Sort>>) {
  const { t, lang } = useI18n();
  const me = useSession();
  const setDeleted = useSetEnterpriseDeleted();
  const dash = (v: string) => v || '—';
  const columns: TableProps<Enterprise>['columns'] = [
    useNameColumn<Enterprise, Sort>('enterprise', list, { width: 220, isLinked: true }),
    {
      title: t('enterprise.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      sorter: true,
      sortOrder: list.sortOrderOf('creditCode'),
      width: 190,
      render: (code: string) => <span className="desc-value-mono">{code}</span>,
    },
    {
      title: t('enterprise.industry'),
      dataIndex: 'industryName',
      key: 'industry',
      width: 120,
      render: (v) => v ?? '—',
    },
    {
      title: t('enterprise.scale'),
      dataIndex: 'scale',
      key: 'scale',
      width: 80,
      render: (v: Enterprise['scale']) => scaleLabel(v, lang),
    },
    ...(me.regions.length > 1
      ? [
          {
            title: t('common.region'),
            dataIndex: 'regionName',
            key: 'region',
            width: 110,
            responsive: ['md' as const],
          },
        ]
      : []),
    {
      title: t('enterprise.contactName'),
      dataIndex: 'contactName',
      key: 'contactName',
      render: dash,
      width: 90,
      responsive: ['lg'],
    },
    {
      title: t('enterprise.contactPhone'),
      dataIndex: 'contactPhone',
      key: 'contactPhone',
      render: dash,
      width: 130,
      responsive: ['lg'],
    },
    ...useRecordColumns<Enterprise, Sort>('enterprise', list, {
      createdAt: { width: 140 },
      actionsWidth: 150,
      hasView: true,
      setDeleted: setDeleted.mutateAsync,
    }),
  ];
  return columns;
}

/** Import (.xlsx, previewed in EnterpriseImport) and export of the list as filtered. */
function EnterpriseFileActions({
  query,
  onImport,
}: {
  query: EnterpriseQuery;
  onImport: (file: File) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const [isExporting, setIsExporting] = useState(false);
  const doExport = async () => {
    setIsExporting(true);
    try {
      const name = await exportEnterprises(query);
      message.success(t('enterprise.exported', { name }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setIsExporting(false);
    }
  };
  return (
    <>
      {can('enterprise', 'import') && (
        <FilePickButton
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onPick={onImport}
          testId="enterprise-import"
        >
          {t('enterprise.import')}
        </FilePickButton>
      )}
      {can('enterprise', 'export') && (
        <Button
          icon={<DownloadOutlined />}
          onClick={doExport}
          loading={isExporting}
          data-testid="enterprise-export"
        >
          {t('enterprise.export')}
        </Button>
      )}
    </>
  );
}
