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
  const where = and(
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.actor ? ilike(auditLog.actorName, `%${escapeLike(query.actor)}%`) : undefined,
    query.result ? eq(auditLog.result, query.result) : undefined,
    query.from ? gte(auditLog.at, new Date(`${query.from}T00:00:00+08:00`)) : undefined,
    query.to
      ? lt(auditLog.at, new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000))
      : undefined,
  );
  const rows = await tx
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return {
    items: rows.map((r) => ({
      id: r.id,
      regionCode: r.regionCode,
      at: r.at.toISOString(),
      actorName: r.actorName,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      result: r.result,
      clientAddress: r.clientAddress,
      detail: r.detail ?? null,
    })),
    total: count?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
