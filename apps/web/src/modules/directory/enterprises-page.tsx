import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type Enterprise, EnterpriseScale } from '@gaodi/contracts';
import { App, Button, Empty, Flex, Select, Table, type TableProps, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useIsNarrow } from '../../ui/app-layout.tsx';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { DeletedFilter, ListSearch, tableChangeToUrl, usePagination } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan, useSession } from '../auth/use-session.ts';
import { EnterpriseImport } from './enterprise-import.tsx';
import { scaleLabel, scaleOptions } from './labels.ts';
import { RecordActions } from './record-actions.tsx';
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
  const isNarrow = useIsNarrow();
  const { message } = App.useApp();
  const me = useSession();
  const can = useCan();
  const [state, update] = useUrlState(KEYS);
  const [isExporting, setIsExporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [importFile, setImportFile] = useState<File | null>(null);

  const sort = SORTS.find((s) => s === state.sort);
  const query: EnterpriseQuery = {
    q: state.q,
    industryId: state.industryId,
    scale: EnterpriseScale.safeParse(state.scale).data,
    deleted: state.deleted === 'only' ? 'only' : 'exclude',
    sort,
    order: sort ? (state.order === 'desc' ? 'desc' : 'asc') : undefined,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 20),
  };
  const list = useEnterprises(query);
  const industries = useIndustries();
  const setDeleted = useSetEnterpriseDeleted();
  const isMultiRegion = me.regions.length > 1;

  const sortOrderOf = (key: Sort) => (sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<Enterprise>['columns'] = [
    {
      title: t('enterprise.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: isNarrow ? undefined : 'left',
      width: 220,
      render: (name: string, row) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/enterprises/${row.id}`}>{name}</Link>
          {row.isDeleted && <Tag color="default">{t('common.deleted')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('enterprise.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      sorter: true,
      sortOrder: sortOrderOf('creditCode'),
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
    ...(isMultiRegion
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
      render: (v: string) => v || '—',
      width: 90,
      responsive: ['lg'],
    },
    {
      title: t('enterprise.contactPhone'),
      dataIndex: 'contactPhone',
      key: 'contactPhone',
      render: (v: string) => v || '—',
      width: 130,
      responsive: ['lg'],
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      width: 140,
      render: (v: string) => formatDate(v, lang),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: isNarrow ? undefined : 'right',
      render: (_, row) => (
        <RecordActions
          viewTo={`/enterprises/${row.id}`}
          editTo={can('enterprise', 'update') && !row.isDeleted ? `/enterprises/${row.id}/edit` : undefined}
          name={row.name}
          isDeleted={row.isDeleted}
          canDelete={can('enterprise', 'delete')}
          onSetDeleted={(isDeleted) => setDeleted.mutateAsync({ id: row.id, isDeleted })}
        />
      ),
    },
  ];

  const onTableChange = tableChangeToUrl<Enterprise>(SORTS, update);
  const pagination = usePagination(query.page, query.pageSize, list.data?.total);

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
    <Page
      title={t('enterprise.title')}
      crumbs={[{ title: t('nav.directory') }, { title: t('enterprise.title') }]}
      testId="enterprises-page"
      extra={
        <>
          {can('enterprise', 'create') && (
            <Link to="/enterprises/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="enterprise-new">
                {t('enterprise.new')}
              </Button>
            </Link>
          )}
          {can('enterprise', 'import') && (
            <>
              <Button
                icon={<UploadOutlined />}
                onClick={() => fileInput.current?.click()}
                data-testid="enterprise-import"
              >
                {t('enterprise.import')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                hidden
                data-testid="enterprise-import-input"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) setImportFile(file);
                }}
              />
            </>
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
      }
    >
      <Panel>
        <Flex className="filter-bar" gap={12} wrap align="center">
          <ListSearch
            initial={state.q}
            update={update}
            placeholder={t('enterprise.searchPlaceholder')}
            testId="enterprise-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enterprise.allIndustries')}
            value={query.industryId}
            onChange={(value?: string) => update({ industryId: value })}
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
            onChange={(value?: string) => update({ scale: value })}
            options={scaleOptions(lang)}
            style={{ width: 130 }}
            data-testid="enterprise-scale-filter"
          />
          {can('enterprise', 'delete') && (
            <DeletedFilter
              isOn={query.deleted === 'only'}
              update={update}
              testId="enterprise-deleted-filter"
            />
          )}
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Enterprise>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 1120 }}
            onChange={onTableChange}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            pagination={pagination}
            data-testid="enterprise-table"
          />
        )}
      </Panel>
      {importFile && <EnterpriseImport file={importFile} onClose={() => setImportFile(null)} />}
    </Page>
  );
}
