import { PlusOutlined } from '@ant-design/icons';
import { type Institute, InstituteKind, InstituteLevel } from '@gaodi/contracts';
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
import { kindLabel, kindOptions, levelLabel, levelOptions } from './labels.ts';
import { RecordActions } from './record-actions.tsx';
import { type InstituteQuery, useInstitutes, useSetInstituteDeleted } from './use-institutes.ts';

const KEYS = ['q', 'kind', 'level', 'deleted', 'sort', 'order', 'page', 'pageSize'] as const;
const SORTS = ['name', 'createdAt'] as const;
type Sort = (typeof SORTS)[number];

export function InstitutesPage() {
  const { t, lang } = useI18n();
  const isNarrow = useIsNarrow();
  const can = useCan();
  const [state, update] = useUrlState(KEYS);
  const sort = SORTS.find((s) => s === state.sort);
  const query: InstituteQuery = {
    q: state.q,
    kind: InstituteKind.safeParse(state.kind).data,
    level: InstituteLevel.safeParse(state.level).data,
    deleted: state.deleted === 'only' ? 'only' : 'exclude',
    sort,
    order: sort ? (state.order === 'desc' ? 'desc' : 'asc') : undefined,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 20),
  };
  const list = useInstitutes(query);
  const setDeleted = useSetInstituteDeleted();
  const sortOrderOf = (key: Sort) => (sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<Institute>['columns'] = [
    {
      title: t('institute.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: isNarrow ? undefined : 'left',
      width: 240,
      render: (name: string, row) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/institutes/${row.id}`}>{name}</Link>
          {row.isDeleted && <Tag>{t('common.deleted')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('institute.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 130,
      render: (v: Institute['kind']) => kindLabel(v, lang),
    },
    {
      title: t('institute.level'),
      dataIndex: 'level',
      key: 'level',
      width: 100,
      render: (v: Institute['level']) => levelLabel(v, lang),
    },
    {
      title: t('institute.city'),
      dataIndex: 'city',
      key: 'city',
      width: 110,
      render: (v: string) => v || '—',
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      width: 150,
      responsive: ['md'],
      render: (v: string) => formatDate(v, lang),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: isNarrow ? undefined : 'right',
      render: (_, row) => (
        <RecordActions
          viewTo={`/institutes/${row.id}`}
          editTo={can('institute', 'update') && !row.isDeleted ? `/institutes/${row.id}/edit` : undefined}
          name={row.name}
          isDeleted={row.isDeleted}
          canDelete={can('institute', 'delete')}
          onSetDeleted={(isDeleted) => setDeleted.mutateAsync({ id: row.id, isDeleted })}
        />
      ),
    },
  ];

  const onTableChange = tableChangeToUrl<Institute>(SORTS, update);
  const pagination = usePagination(query.page, query.pageSize, list.data?.total);

  return (
    <Page
      title={t('institute.title')}
      crumbs={[{ title: t('nav.directory') }, { title: t('institute.title') }]}
      testId="institutes-page"
      extra={
        can('institute', 'create') && (
          <Link to="/institutes/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="institute-new">
              {t('institute.new')}
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
            placeholder={t('institute.searchPlaceholder')}
            testId="institute-search"
          />
          <Select
            allowClear
            placeholder={t('institute.allKinds')}
            value={query.kind}
            onChange={(value?: string) => update({ kind: value })}
            options={kindOptions(lang)}
            style={{ width: 150 }}
            data-testid="institute-kind-filter"
          />
          <Select
            allowClear
            placeholder={t('institute.allLevels')}
            value={query.level}
            onChange={(value?: string) => update({ level: value })}
            options={levelOptions(lang)}
            style={{ width: 130 }}
            data-testid="institute-level-filter"
          />
          {can('institute', 'delete') && (
            <DeletedFilter
              isOn={query.deleted === 'only'}
              update={update}
              testId="institute-deleted-filter"
            />
          )}
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Institute>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 900 }}
            onChange={onTableChange}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            pagination={pagination}
            data-testid="institute-table"
          />
        )}
      </Panel>
    </Page>
  );
}
