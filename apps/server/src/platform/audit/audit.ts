import type { AuditEntry, AuditQuery } from '@gaodi/contracts';
import { and, desc, eq, gte, ilike, lt, sql } from 'drizzle-orm';
import type { UserContext } from '../auth/context.ts';
import type { Tx } from '../db/database.ts';
import { auditLog } from './audit.table.ts';

export type AuditRecord = {
  regionCode: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  result: 'ok' | 'denied' | 'failed';
  clientAddress?: string | null;
  detail?: unknown;
};

/** Records what a signed-in user did (result ok), in the caller's transaction, in their active region. */
export function recordUserAction(
  tx: Tx,
  ctx: UserContext,
  at: Date,
  what: { action: string; targetType: string; targetId: string; detail?: unknown },
): Promise<void> {
  return recordAudit(tx, {
    regionCode: ctx.user.activeRegionCode,
    at,
    actorId: ctx.user.id,
    actorName: ctx.user.username,
    result: 'ok',
    clientAddress: ctx.clientAddress,
    ...what,
  });
}

/** Appends one audit record inside the caller's transaction, so it lands exactly when the change does. */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    regionCode: record.regionCode,
    at: record.at,
    actorId: record.actorId,
    actorName: record.actorName,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId ?? null,
    result: record.result,
    clientAddress: record.clientAddress ?? null,
    detail: record.detail ?? null,
  });
}

/** Audit records visible to the caller (row-level security lets only audit admins read any). */
export async function listAudit(
  tx: Tx,
  query: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number; page: number; pageSize: number }> {
  const where = auditWhere(query);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return {
    items: rows.map(toEntry),
    total: count?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The newest `limit` rows matching the filters (the export). */
export async function listAuditForExport(
  tx: Tx,
  query: Omit<AuditQuery, 'page' | 'pageSize'>,
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await tx
    .select()
    .from(auditLog)
    .where(auditWhere(query))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map(toEntry);
}

function toEntry(r: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: r.id,
    regionCode: r.regionCode,
    at: r.at.toISOString(),
    actorName: r.actorName,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetName: null,
    targetHref: null,
    result: r.result,
    clientAddress: r.clientAddress,
    detail: r.detail ?? null,
  };
}

/** Filters by user, action, object (kind, one id), result and day range (China time). */
function auditWhere(query: Omit<AuditQuery, 'page' | 'pageSize'>) {
  return and(
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.actor ? ilike(auditLog.actorName, `%${escapeLike(query.actor)}%`) : undefined,
    query.targetType ? eq(auditLog.targetType, query.targetType) : undefined,
    query.targetId ? eq(auditLog.targetId, query.targetId) : undefined,
    query.result ? eq(auditLog.result, query.result) : undefined,
    query.from ? gte(auditLog.at, new Date(`${query.from}T00:00:00+08:00`)) : undefined,
    query.to
      ? lt(auditLog.at, new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000))
      : undefined,
  );
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Columns that change with every write or hold sealed data: never listed as a change. */
const UNLISTED =
  /^(id|regionCode|createdAt|createdBy|updatedAt|updatedBy|searchText|stageChangedAt|version|changedFields)$|(Enc|Hash|Cipher)$/;

/**
 * The fields a change altered, with their values before and after: the `detail` of every update's
 * audit row (`{ before, after }`), so the log shows what changed without a second copy of the record.
 */
export function changeOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (UNLISTED.test(key)) continue;
    const b = before[key] ?? null;
    const a = after[key] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    was[key] = b;
    now[key] = a;
  }
  return { before: was, after: now };
}
