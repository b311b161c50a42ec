import { PlusOutlined } from '@ant-design/icons';
import type { Expert } from '@gaodi/contracts';
import { Button, Empty, Flex, Select, Table, type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import { useIsNarrow } from '../../ui/app-layout.tsx';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { DeletedFilter, ListSearch, tableChangeToUrl, usePagination } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { RecordActions } from './record-actions.tsx';
import { type ExpertQuery, useExperts, useSetExpertDeleted } from './use-experts.ts';
import { useInstituteOptions } from './use-institutes.ts';

const KEYS = ['q', 'instituteId', 'deleted', 'sort', 'order', 'page', 'pageSize'] as const;
const SORTS = ['name', 'createdAt'] as const;
type Sort = (typeof SORTS)[number];

export function ExpertsPage() {
  const { t, lang } = useI18n();
  const isNarrow = useIsNarrow();
  const can = useCan();
  const [state, update] = useUrlState(KEYS);
  const sort = SORTS.find((s) => s === state.sort);
  const query: ExpertQuery = {
    q: state.q,
    instituteId: state.instituteId,
    deleted: state.deleted === 'only' ? 'only' : 'exclude',
    sort,
    order: sort ? (state.order === 'desc' ? 'desc' : 'asc') : undefined,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 20),
  };
  const list = useExperts(query);
  const institutes = useInstituteOptions(can('institute', 'read'));
  const setDeleted = useSetExpertDeleted();
  const sortOrderOf = (key: Sort) => (sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<Expert>['columns'] = [
    {
      title: t('expert.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: isNarrow ? undefined : 'left',
      width: 120,
      render: (name: string, row) => (
        <Flex gap={6} align="center" wrap>
          {name}
          {row.isDeleted && <Tag>{t('common.deleted')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('expert.institute'),
      dataIndex: 'instituteName',
      key: 'institute',
      width: 220,
      render: (v: string, row) =>
        can('institute', 'read') ? <Link to={`/institutes/${row.instituteId}`}>{v}</Link> : v,
    },
    {
      title: t('expert.titleField'),
      dataIndex: 'title',
      key: 'title',
      width: 120,
      render: (v: string) => v || '—',
    },
    {
      title: t('expert.field'),
      dataIndex: 'field',
      key: 'field',
      width: 200,
      render: (v: string) => v || '—',
    },
    {
      title: t('expert.phone'),
      dataIndex: 'phone',
      key: 'phone',
      width: 140,
      responsive: ['md'],
      render: (v: string) => v || '—',
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      width: 150,
      responsive: ['lg'],
      render: (v: string) => formatDate(v, lang),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: isNarrow ? undefined : 'right',
      render: (_, row) => (
        <RecordActions
          editTo={can('expert', 'update') && !row.isDeleted ? `/experts/${row.id}/edit` : undefined}
          name={row.name}
          isDeleted={row.isDeleted}
          canDelete={can('expert', 'delete')}
          onSetDeleted={(isDeleted) => setDeleted.mutateAsync({ id: row.id, isDeleted })}
        />
      ),
    },
  ];

  const onTableChange = tableChangeToUrl<Expert>(SORTS, update);
  const pagination = usePagination(query.page, query.pageSize, list.data?.total);

  return (
    <Page
      title={t('expert.title')}
      crumbs={[{ title: t('nav.directory') }, { title: t('expert.title') }]}
      testId="experts-page"
      extra={
        can('expert', 'create') && (
          <Link to="/experts/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="expert-new">
              {t('expert.new')}
            </Button>
          </Link>
        )
      }
    >
      <Panel>
        <Flex className="filter-bar" gap={12} wrap align="center">
          <ListSearch
            initial={state.q}
            update={update}
            placeholder={t('expert.searchPlaceholder')}
            testId="expert-search"
          />
          {can('institute', 'read') && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('expert.allInstitutes')}
              value={query.instituteId}
              onChange={(value?: string) => update({ instituteId: value })}
              options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
              loading={institutes.isPending}
              style={{ width: 220 }}
              data-testid="expert-institute-filter"
            />
          )}
          {can('expert', 'delete') && (
            <DeletedFilter isOn={query.deleted === 'only'} update={update} testId="expert-deleted-filter" />
          )}
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Expert>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 1080 }}
            onChange={onTableChange}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            pagination={pagination}
            data-testid="expert-table"
          />
        )}
      </Panel>
    </Page>
  );
}
