import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Flex, Table, type TableColumnType, type TableProps, Tag } from 'antd';
import type { ReactNode } from 'react';
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

// What the enterprise, institute and expert lists share: URL state, the query's common part, the
// name / created / actions columns, and the page around the filters and the table.

/** The directory's listed entities; each names its route (/<entity>s), texts and test ids. */
export type DirectoryEntity = 'enterprise' | 'institute' | 'expert';
type Row = { id: string; name: string; isDeleted: boolean };
type ListKey = 'q' | 'deleted' | 'sort' | 'order' | 'page' | 'pageSize';

/** A list's URL state and the part of its query every directory list has. */
export function useDirectoryListState<K extends string, S extends string>(
  keys: readonly (K | ListKey)[],
  sorts: readonly S[],
) {
  const [state, update] = useUrlState(keys);
  const sort = sorts.find((s) => s === state.sort);
  const base = {
    q: state.q,
    deleted: state.deleted === 'only' ? ('only' as const) : ('exclude' as const),
    sort,
    order: sort ? (state.order === 'desc' ? ('desc' as const) : ('asc' as const)) : undefined,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 20),
  };
  const sortOrderOf = (key: S) => (sort === key ? (base.order === 'desc' ? 'descend' : 'ascend') : null);
  return { state, update, base, sortOrderOf, sorts };
}

type ListState<S extends string> = ReturnType<typeof useDirectoryListState<string, S>>;

/** The name column (linked to the record's page when `isLinked`, tagged when deleted), fixed left. */
export function useNameColumn<T extends Row, S extends string>(
  entity: DirectoryEntity,
  list: ListState<S>,
  { width, isLinked }: { width: number; isLinked: boolean },
): TableColumnType<T> {
  const { t } = useI18n();
  const isNarrow = useIsNarrow();
  return {
    title: t(`${entity}.name`),
    dataIndex: 'name',
    key: 'name',
    sorter: true,
    sortOrder: list.sortOrderOf('name' as S),
    fixed: isNarrow ? undefined : 'left',
    width,
    render: (name: string, row) => (
      <Flex gap={6} align="center" wrap>
        {isLinked ? <Link to={`/${entity}s/${row.id}`}>{name}</Link> : name}
        {row.isDeleted && <Tag>{t('common.deleted')}</Tag>}
      </Flex>
    ),
  };
}

/** The created column (sortable) and the actions column (view, edit, delete / restore). */
export function useRecordColumns<T extends Row & { createdAt: string }, S extends string>(
  entity: DirectoryEntity,
  list: ListState<S>,
  options: {
    createdAt: Pick<TableColumnType<T>, 'width' | 'responsive'>;
    actionsWidth: number;
    hasView: boolean;
    setDeleted: (input: { id: string; isDeleted: boolean }) => Promise<unknown>;
  },
): TableColumnType<T>[] {
  const { t, lang } = useI18n();
  const isNarrow = useIsNarrow();
  const can = useCan();
  return [
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: list.sortOrderOf('createdAt' as S),
      ...options.createdAt,
      render: (v: string) => formatDate(v, lang),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: options.actionsWidth,
      fixed: isNarrow ? undefined : 'right',
      render: (_, row) => (
        <RecordActions
          viewTo={options.hasView ? `/${entity}s/${row.id}` : undefined}
          editTo={can(entity, 'update') && !row.isDeleted ? `/${entity}s/${row.id}/edit` : undefined}
          name={row.name}
          isDeleted={row.isDeleted}
          canDelete={can(entity, 'delete')}
          onSetDeleted={(isDeleted) => options.setDeleted({ id: row.id, isDeleted })}
        />
      ),
    },
  ];
}

/** The list page: title and actions, search + the entity's filters + deleted, the paged table. */
export function DirectoryListPage<T extends Row, S extends string>({
  entity,
  list,
  result,
  columns,
  scrollX,
  filters,
  actions,
  children,
}: {
  entity: DirectoryEntity;
  list: ListState<S>;
  result: UseQueryResult<{ items: T[]; total: number }>;
  columns: TableProps<T>['columns'];
  scrollX: number;
  filters?: ReactNode;
  /** Buttons after "new" (import, export). */
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const can = useCan();
  const { state, update, base } = list;
  const pagination = usePagination(base.page, base.pageSize, result.data?.total);
  return (
    <Page
      title={t(`${entity}.title`)}
      crumbs={[{ title: t('nav.directory') }, { title: t(`${entity}.title`) }]}
      testId={`${entity}s-page`}
      extra={
        <>
          {can(entity, 'create') && (
            <Link to={`/${entity}s/new`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid={`${entity}-new`}>
                {t(`${entity}.new`)}
              </Button>
            </Link>
          )}
          {actions}
        </>
      }
    >
      <Panel>
        <Flex className="filter-bar" gap={12} wrap align="center">
          <ListSearch
            initial={state.q}
            update={update}
            placeholder={t(`${entity}.searchPlaceholder`)}
            testId={`${entity}-search`}
          />
          {filters}
          {can(entity, 'delete') && (
            <DeletedFilter
              isOn={base.deleted === 'only'}
              update={update}
              testId={`${entity}-deleted-filter`}
            />
          )}
        </Flex>
        {result.isError ? (
          <QueryError error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <Table<T>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={result.data?.items}
            loading={result.isFetching}
            scroll={{ x: scrollX }}
            onChange={tableChangeToUrl<T>(list.sorts, update)}
            locale={{ emptyText: result.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            pagination={pagination}
            data-testid={`${entity}-table`}
          />
        )}
      </Panel>
      {children}
    </Page>
  );
}
