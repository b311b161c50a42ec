import type { AuditEntry, AuditQuery } from '@gaodi/contracts';
import { Button, DatePicker, Empty, Flex, Input, Select, Table, type TableProps, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { regionName } from '../auth/session-header.tsx';
import { useSession } from '../auth/use-session.ts';
import { useAudit } from './use-audit.ts';

const KEYS = ['action', 'actor', 'result', 'from', 'to', 'page', 'pageSize'] as const;
const RESULTS = ['ok', 'denied', 'failed'] as const;
type Result = (typeof RESULTS)[number];
const RESULT_COLOR: Record<Result, string> = { ok: 'success', denied: 'warning', failed: 'error' };

/** Actions the server records, with their Chinese names. Unknown actions are shown as recorded. */
const ACTIONS: Record<string, [string, string]> = {
  login: ['登录', 'Sign in'],
  logout: ['退出', 'Sign out'],
  create: ['新增', 'Create'],
  update: ['修改', 'Update'],
  delete: ['删除', 'Delete'],
  restore: ['恢复', 'Restore'],
  export: ['导出', 'Export'],
  import: ['导入', 'Import'],
  disable: ['停用账号', 'Disable user'],
  enable: ['启用账号', 'Enable user'],
  unlock: ['解锁账号', 'Unlock user'],
};
const TARGETS: Record<string, [string, string]> = {
  enterprise: ['企业', 'Enterprise'],
  institute: ['院所', 'Institute'],
  expert: ['专家', 'Expert'],
  industry: ['产业', 'Industry'],
  user: ['用户', 'User'],
  session: ['会话', 'Session'],
  region: ['区域', 'Region'],
  audit: ['审计日志', 'Audit log'],
  csrf: ['请求校验', 'Request check'],
  file: ['文件', 'File'],
};

const DATE = 'YYYY-MM-DD';

export function AuditPage() {
  const { t, lang } = useI18n();
  const [state, update] = useUrlState(KEYS);
  const [actor, setActor] = useState(state.actor ?? '');
  useEffect(() => setActor(state.actor ?? ''), [state.actor]);
  const result = RESULTS.find((r) => r === state.result);
  const query: AuditQuery = {
    action: state.action,
    actor: state.actor,
    result,
    from: state.from,
    to: state.to,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 50),
  };
  const list = useAudit(query);
  const me = useSession();
  const regionNames = useMemo(
    () => new Map(me.regions.map((r) => [r.code, regionName(r, lang)])),
    [me.regions, lang],
  );
  const name = (map: Record<string, [string, string]>, key: string) =>
    map[key]?.[lang === 'zh' ? 0 : 1] ?? key;
  const range: [Dayjs, Dayjs] | null =
    state.from && state.to ? [dayjs(state.from, DATE), dayjs(state.to, DATE)] : null;

  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('audit.at'), dataIndex: 'at', width: 200, render: (v: string) => formatDateTime(v, lang) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 130 },
    { title: t('audit.action'), dataIndex: 'action', width: 120, render: (v: string) => name(ACTIONS, v) },
    {
      title: t('audit.target'),
      key: 'target',
      width: 260,
      render: (_, row) => (
        <>
          {name(TARGETS, row.targetType)}
          {row.targetId && (
            <span
              className="desc-value-mono"
              style={{ color: '#8c8c8c', marginInlineStart: 6, fontSize: 12 }}
            >
              {row.targetId}
            </span>
          )}
        </>
      ),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 90,
      render: (v: Result) => <Tag color={RESULT_COLOR[v]}>{t(`audit.result.${v}`)}</Tag>,
    },
    {
      title: t('audit.clientAddress'),
      dataIndex: 'clientAddress',
      width: 150,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('audit.region'),
      dataIndex: 'regionCode',
      width: 100,
      responsive: ['lg'],
      render: (code: string) => regionNames.get(code) ?? code,
    },
  ];

  return (
    <Page
      title={t('audit.title')}
      crumbs={[{ title: t('nav.system') }, { title: t('audit.title') }]}
      testId="audit-page"
    >
      <Panel>
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
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={{ x: 1040 }}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            onChange={(pagination) =>
              update({ page: pagination.current, pageSize: pagination.pageSize }, { keepPage: true })
            }
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
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
