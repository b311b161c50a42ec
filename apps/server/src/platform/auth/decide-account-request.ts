import type { AccountRequestDecision, UserEditInput } from '@gaodi/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError, notFound } from '../http/errors.ts';
import { enabledAccounts, toAccountRequest } from './account-admin.ts';
import { accountRequests } from './auth.table.ts';
import type { UserContext } from './context.ts';
import { applyPasswordReset } from './reset-password.ts';
import { applyCreate, applyEdit, applyState, type NewAccount } from './user-changes.ts';

type Request = typeof accountRequests.$inferSelect;

/** Pending requests first, then the last 50 decided ones (row-level security: administrators only). */
export async function listAccountRequests(db: Database, ctx: UserContext) {
  return db.transaction(ctx.scope, async (tx) => {
    const pending = await tx
      .select()
      .from(accountRequests)
      .where(eq(accountRequests.status, 'pending'))
      .orderBy(desc(accountRequests.requestedAt));
    const decided = await tx
      .select()
      .from(accountRequests)
      .where(sql`${accountRequests.status} <> 'pending'`)
      .orderBy(desc(accountRequests.decidedAt))
      .limit(50);
    return [...pending, ...decided].map(toAccountRequest);
  });
}

/** Applies an approved request with the acting approver (the database checks the approval too). */
async function apply(
  tx: Tx,
  ctx: UserContext,
  request: Request,
): Promise<{ targetId: string; temporaryPassword: string | null }> {
  await tx.execute(sql`SELECT set_config('gaodi.account_request', ${request.id}, true)`);
  const payload = request.payload as Record<string, unknown>;
  let targetId = request.targetUserId ?? '';
  let temporaryPassword: string | null = null;
  if (request.action === 'create') {
    targetId = (await applyCreate(tx, payload as unknown as NewAccount)).id;
  } else if (request.action === 'update') {
    if (!(await applyEdit(tx, targetId, payload as UserEditInput))) throw notFound(ctx.lang);
  } else if (request.action === 'disable' || request.action === 'enable') {
    if (request.action === 'disable' && (await enabledAccounts(tx, request.targetRole, targetId)) === 0)
      throw new AppError(403, 'FORBIDDEN', '每种管理员角色至少保留一个启用的账号，不能停用最后一个');
    if (!(await applyState(tx, targetId, request.action === 'disable'))) throw notFound(ctx.lang);
  } else if (request.action === 'reset_password') {
    temporaryPassword = await applyPasswordReset(tx, targetId);
    if (!temporaryPassword) throw notFound(ctx.lang);
  }
  await tx.execute(sql`SELECT set_config('gaodi.account_request', '', true)`);
  return { targetId, temporaryPassword };
}

/**
 * The second administrator approves (the change applies now, in this transaction) or rejects a
 * two-person request. Never the requester, only the approving role the 三员 table names; audited.
 */
export async function decideAccountRequest(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  id: string,
  approve: boolean,
): Promise<AccountRequestDecision> {
  return db.transaction(ctx.scope, async (tx) => {
    const [request] = await tx.select().from(accountRequests).where(eq(accountRequests.id, id));
    if (!request) throw notFound(ctx.lang);
    if (request.status !== 'pending') throw new AppError(409, 'CONFLICT', '该申请已处理');
    if (request.requestedBy === ctx.user.id)
      throw new AppError(403, 'FORBIDDEN', '不能批准或驳回自己提交的申请');
    if (request.targetUserId === ctx.user.id)
      throw new AppError(403, 'FORBIDDEN', '不能审批涉及自己账号的申请');
    if (request.approverRole !== ctx.user.role)
      throw new AppError(403, 'FORBIDDEN', '三员分立：该申请须由另一种管理员角色审批');
    const now = clock.now();
    const [decided] = await tx
      .update(accountRequests)
      .set({
        status: approve ? 'approved' : 'rejected',
        decidedBy: ctx.user.id,
        decidedByName: ctx.user.username,
        decidedAt: now,
      })
      .where(and(eq(accountRequests.id, id), eq(accountRequests.status, 'pending')))
      .returning();
    if (!decided) throw new AppError(409, 'CONFLICT', '该申请已处理');
    const applied = approve ? await apply(tx, ctx, decided) : null;
    const base = {
      regionCode: decided.regionCode,
      at: now,
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      targetType: 'user',
      targetId: applied?.targetId || decided.targetUserId || decided.targetUsername,
      result: 'ok' as const,
      clientAddress: ctx.clientAddress,
    };
    await recordAudit(tx, {
      ...base,
      action: approve ? 'approve' : 'reject',
      detail: { requestId: id, requestedBy: decided.requestedByName, requestedAction: decided.action },
    });
    if (applied)
      await recordAudit(tx, {
        ...base,
        action: decided.action,
        detail: { requestId: id, requestedBy: decided.requestedByName, approvedBy: ctx.user.username },
      });
    return { request: toAccountRequest(decided), temporaryPassword: applied?.temporaryPassword ?? null };
  });
}
