import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS, type AuditEntry, auditLabel } from '@gaodi/contracts';
import { type TableProps, Tag } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { regionName } from '../auth/session-header.tsx';
import { useSession } from '../auth/use-session.ts';
import { AuditChange } from './audit-change.tsx';

export type AuditResult = 'ok' | 'denied' | 'failed';
type Result = AuditResult;
const RESULT_COLOR: Record<Result, string> = { ok: 'success', denied: 'warning', failed: 'error' };

/** The audit log's columns: when, who, what action on which target, result, client address, region. */
export function useAuditColumns(): TableProps<AuditEntry>['columns'] {
  const { t, lang } = useI18n();
  const me = useSession();
  const regionNames = useMemo(
    () => new Map(me.regions.map((r) => [r.code, regionName(r, lang)])),
    [me.regions, lang],
  );
  return [
    { title: t('audit.at'), dataIndex: 'at', width: 200, render: (v: string) => formatDateTime(v, lang) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 130 },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 120,
      render: (v: string) => auditLabel(AUDIT_ACTION_LABELS, v, lang),
    },
    {
      title: t('audit.target'),
      key: 'target',
      width: 260,
      render: (_, row) => (
        <>
          {auditLabel(AUDIT_TARGET_LABELS, row.targetType, lang)}{' '}
          {row.targetName && row.targetHref ? (
            <Link to={row.targetHref} data-testid="audit-target-link">
              {row.targetName}
            </Link>
          ) : (
            row.targetId && (
              <span className="desc-value-mono" style={{ color: '#8c8c8c', fontSize: 12 }}>
                {row.targetName ?? row.targetId}
              </span>
            )
          )}
        </>
      ),
    },
    {
      title: t('audit.change'),
      key: 'change',
      width: 280,
      render: (_, row) => <AuditChange detail={row.detail} />,
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
