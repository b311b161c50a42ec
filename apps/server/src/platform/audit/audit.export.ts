import {
  AUDIT_ACTION_LABELS,
  AUDIT_TARGET_LABELS,
  type AuditEntry,
  type AuditQuery,
  auditLabel,
} from '@gaodi/contracts';
import ExcelJS from 'exceljs';
import type { UserContext } from '../auth/context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { addLedgerSheet, chineseDate, type LedgerColumn } from '../excel/workbook.ts';
import { listAuditForExport, recordUserAction } from './audit.ts';
import { resolveTargetNames, targetOf } from './audit-targets.ts';

/** The most rows one export writes (narrow the filters for more). */
export const AUDIT_EXPORT_LIMIT = 10_000;

/** `key: value` pairs of a change's side, one per line, as the audit admin reads them. */
export function changeSide(detail: unknown, side: 'before' | 'after'): string {
  if (typeof detail !== 'object' || detail === null) return '';
  const values = (detail as Record<string, unknown>)[side];
  if (typeof values !== 'object' || values === null) return '';
  return Object.entries(values)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('\n');
}

type Row = AuditEntry & { targetLabel: string };

/** 审计日志 .xlsx with the page's filters, names in the user's language; the export is audited. */
export async function exportAudit(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  query: Omit<AuditQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const lang = ctx.lang;
  const rows = await db.transaction(ctx.scope, async (tx) => {
    const found = await listAuditForExport(tx, query, AUDIT_EXPORT_LIMIT);
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'export',
      targetType: 'audit',
      targetId: 'xlsx',
      detail: { filters: query, rows: found.length },
    });
    return found;
  });
  const names = await resolveTargetNames(db, rows);
  const withNames: Row[] = rows.map((r) => {
    const target = targetOf(names, r);
    return {
      ...r,
      targetName: target.name,
      targetLabel: auditLabel(AUDIT_TARGET_LABELS, r.targetType, lang),
    };
  });
  const zh = lang === 'zh';
  const columns: LedgerColumn<Row>[] = [
    { header: zh ? '时间' : 'Time', width: 20, value: (r) => formatTime(r.at) },
    { header: zh ? '用户' : 'User', width: 14, value: (r) => r.actorName },
    {
      header: zh ? '操作' : 'Action',
      width: 14,
      value: (r) => auditLabel(AUDIT_ACTION_LABELS, r.action, lang),
    },
    { header: zh ? '对象类型' : 'Object', width: 14, value: (r) => r.targetLabel },
    { header: zh ? '对象' : 'Name', width: 30, value: (r) => r.targetName ?? r.targetId ?? '' },
    { header: zh ? '结果' : 'Result', width: 8, value: (r) => RESULT[r.result][zh ? 0 : 1] },
    { header: zh ? '变更前' : 'Before', width: 36, value: (r) => changeSide(r.detail, 'before') },
    { header: zh ? '变更后' : 'After', width: 36, value: (r) => changeSide(r.detail, 'after') },
    { header: zh ? '客户端地址' : 'Client address', width: 16, value: (r) => r.clientAddress ?? '' },
    { header: zh ? '区域代码' : 'Region', width: 10, value: (r) => r.regionCode },
    { header: 'id', width: 10, value: (r) => r.id, kind: 'id' },
  ];
  const workbook = new ExcelJS.Workbook();
  addLedgerSheet(workbook, {
    name: zh ? '审计日志' : 'Audit log',
    title: zh ? '审计日志' : 'Audit log',
    subtitle: `${zh ? '导出时间' : 'Exported'} ${chineseDate(clock.now())} · ${rows.length}`,
    columns,
    rows: withNames,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const RESULT = { ok: ['成功', 'OK'], denied: ['拒绝', 'Denied'], failed: ['失败', 'Failed'] } as const;

function formatTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
