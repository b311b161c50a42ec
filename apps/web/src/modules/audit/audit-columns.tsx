import type { AuditEntry } from '@gaodi/contracts';
import { type TableProps, Tag } from 'antd';
import { useMemo } from 'react';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { regionName } from '../auth/session-header.tsx';
import { useSession } from '../auth/use-session.ts';

export type AuditResult = 'ok' | 'denied' | 'failed';
type Result = AuditResult;
const RESULT_COLOR: Record<Result, string> = { ok: 'success', denied: 'warning', failed: 'error' };

/** Actions the server records, with their Chinese names. Unknown actions are shown as recorded. */
export const ACTIONS: Record<string, [string, string]> = {
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

/** The audit log's columns: when, who, what action on which target, result, client address, region. */
export function useAuditColumns(): TableProps<AuditEntry>['columns'] {
  const { t, lang } = useI18n();
  const me = useSession();
  const regionNames = useMemo(
    () => new Map(me.regions.map((r) => [r.code, regionName(r, lang)])),
    [me.regions, lang],
  );
  const name = (map: Record<string, [string, string]>, key: string) =>
    map[key]?.[lang === 'zh' ? 0 : 1] ?? key;
  return [
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
}
