import type { AuditEntry, AuditQuery } from '@gaodi/contracts';
import { Button, DatePicker, Empty, Flex, Input, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { AuditChainCheck } from './audit-chain-check.tsx';
import { ACTIONS, useAuditColumns } from './audit-columns.tsx';
import { useAudit } from './use-audit.ts';

const KEYS = ['action', 'actor', 'result', 'from', 'to', 'page', 'pageSize'] as const;
const RESULTS = ['ok', 'denied', 'failed'] as const;
const DATE = 'YYYY-MM-DD';

/** The log's filters and page, kept in the URL. */
function useAuditListState() {
  const [state, update] = useUrlState(KEYS);
  const query: AuditQuery = {
    action: state.action,
    actor: state.actor,
    result: RESULTS.find((r) => r === state.result),
    from: state.from,
    to: state.to,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 50),
  };
  return { state, update, query };
}

/** Dates, action, result, actor (searched on enter), reset. */
function AuditFilters({ list }: { list: ReturnType<typeof useAuditListState> }) {
  const { t, lang } = useI18n();
  const { state, update, query } = list;
  const [actor, setActor] = useState(state.actor ?? '');
  useEffect(() => setActor(state.actor ?? ''), [state.actor]);
  const name = (map: Record<string, [string, string]>, key: string) =>
    map[key]?.[lang === 'zh' ? 0 : 1] ?? key;
  const range: [Dayjs, Dayjs] | null =
    state.from && state.to ? [dayjs(state.from, DATE), dayjs(state.to, DATE)] : null;
  return (
    <Flex className="filter-bar" gap={12} wrap align="center">
      <DatePicker.RangePicker
        value={range}
        onChange={(dates) =>
          update({
            from: dates?.[0]?.format(DATE) ?? undefined,
            to: dates?.[1]?.format(DATE) ?? undefined,
          })
        }
        allowClear
        format={lang === 'zh' ? 'YYYY年M月D日' : DATE}
        data-testid="audit-dates"
      />
      <Select
        allowClear
        placeholder={t('audit.allActions')}
        value={query.action}
        onChange={(value?: string) => update({ action: value })}
        options={Object.keys(ACTIONS).map((key) => ({ value: key, label: name(ACTIONS, key) }))}
        style={{ width: 150 }}
        data-testid="audit-action-filter"
      />
      <Select
        allowClear
        placeholder={t('audit.allResults')}
        value={query.result}
        onChange={(value?: string) => update({ result: value })}
        options={RESULTS.map((r) => ({ value: r, label: t(`audit.result.${r}`) }))}
        style={{ width: 130 }}
        data-testid="audit-result-filter"
      />
      <Input.Search
        allowClear
        value={actor}
        maxLength={64}
        placeholder={t('audit.actorPlaceholder')}
        onChange={(event) => {
          setActor(event.target.value);
          if (event.target.value === '') update({ actor: undefined });
        }}
        onSearch={(value) => update({ actor: value.trim() || undefined })}
        style={{ width: 200 }}
        data-testid="audit-actor-filter"
      />
      <Button
        onClick={() =>
          update({
            action: undefined,
            actor: undefined,
            result: undefined,
            from: undefined,
            to: undefined,
          })
        }
      >
        {t('common.reset')}
      </Button>
    </Flex>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  const list = useAuditListState();
  const audit = useAudit(list.query);
  const columns = useAuditColumns();
  return (
    <Page
      title={t('audit.title')}
      crumbs={[{ title: t('nav.system') }, { title: t('audit.title') }]}
      testId="audit-page"
    >
      <Panel>
        <AuditChainCheck />
        <AuditFilters list={list} />
        {audit.isError ? (
          <QueryError error={audit.error} onRetry={() => audit.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={audit.data?.items}
            loading={audit.isFetching}
            scroll={{ x: 1040 }}
            locale={{ emptyText: audit.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            onChange={(pagination) =>
              list.update({ page: pagination.current, pageSize: pagination.pageSize }, { keepPage: true })
            }
            pagination={{
              current: list.query.page,
              pageSize: list.query.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => t('common.total', { total: formatNumber(total) }),
            }}
            data-testid="audit-table"
          />
        )}
      </Panel>
    </Page>
  );
}
