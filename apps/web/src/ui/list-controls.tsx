import { Flex, Input, Select, Switch, type TableProps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatNumber } from './format.ts';
import { useI18n } from './i18n.tsx';

type UrlUpdate = (
  patch: Record<string, string | number | undefined | null>,
  options?: { keepPage?: boolean },
) => void;

/** A list's search box bound to the `q` URL parameter: Enter searches, clearing shows everything. */
export function ListSearch({
  initial,
  update,
  placeholder,
  testId,
}: {
  initial: string | undefined;
  update: UrlUpdate;
  placeholder: string;
  testId: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(initial ?? '');
  // Back/forward and links change `q` under the box: follow it.
  useEffect(() => setSearch(initial ?? ''), [initial]);
  return (
    <Input.Search
      allowClear
      value={search}
      maxLength={100}
      placeholder={placeholder}
      onChange={(event) => {
        setSearch(event.target.value);
        if (event.target.value === '') update({ q: undefined });
      }}
      onSearch={(value) => update({ q: value.trim() || undefined })}
      enterButton={t('common.search')}
      data-testid={testId}
    />
  );
}

/** "Show deleted only", for lists with soft delete; bound to the `deleted` URL parameter. */
export function DeletedFilter({
  isOn,
  update,
  testId,
}: {
  isOn: boolean;
  update: UrlUpdate;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={6} align="center">
      <Switch
        size="small"
        checked={isOn}
        onChange={(checked) => update({ deleted: checked ? 'only' : undefined })}
        data-testid={testId}
      />
      <Typography.Text>{t('common.showDeleted')}</Typography.Text>
    </Flex>
  );
}

/** A table's sort and paging changes written to the URL; only the listed column keys sort. */
export function tableChangeToUrl<Row>(
  sorts: readonly string[],
  update: UrlUpdate,
): TableProps<Row>['onChange'] {
  return (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = one?.order ? sorts.find((s) => s === one.columnKey) : undefined;
    update(
      {
        sort: field,
        order: field ? (one?.order === 'descend' ? 'desc' : 'asc') : undefined,
        page: pagination.current,
        pageSize: pagination.pageSize,
      },
      { keepPage: true },
    );
  };
}

/** Server-side paging as every list shows it: size changer and "共 N 条". */
export function usePagination(page: number, pageSize: number, total: number | undefined) {
  const { t } = useI18n();
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (n: number) => t('common.total', { total: formatNumber(n) }),
  };
}

/** A list filter bound to one URL parameter: picking a value (or clearing it) goes back to page 1. */
export function UrlFilterSelect({
  name,
  value,
  update,
  placeholder,
  options,
  minWidth = 150,
  testId,
}: {
  name: string;
  value: string | undefined;
  update: UrlUpdate;
  placeholder: string;
  options: { value: string; label: string }[];
  minWidth?: number;
  testId?: string;
}) {
  return (
    <Select
      allowClear
      placeholder={placeholder}
      value={value}
      onChange={(v) => update({ [name]: v, page: undefined })}
      options={options}
      style={{ minWidth }}
      data-testid={testId}
    />
  );
}

/** Paging of a list whose page is in the URL: 20 a page, "共 N 条". */
export function useUrlPagination(page: number, total: number | undefined, update: UrlUpdate) {
  const { t } = useI18n();
  return {
    current: page,
    pageSize: 20,
    total: total ?? 0,
    showTotal: (n: number) => t('common.total', { total: n }),
    onChange: (p: number) => update({ page: String(p) }, { keepPage: true }),
  };
}
