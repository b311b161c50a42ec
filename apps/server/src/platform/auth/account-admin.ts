import { type AccountAction, type AccountRequest, accountRule, type Role } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import { rowsOf, type Tx } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { accountRequests } from './auth.table.ts';
import type { UserContext } from './context.ts';

const ADMINS = new Set<string>(['sysadmin', 'secadmin', 'auditadmin']);

export type Target = { id: string; role: string; username: string; regionCode: string; isDisabled: boolean };

/** Enabled accounts of a role in every region (the caller's region scope does not narrow it). */
export async function enabledAccounts(tx: Tx, role: string, except: string | null): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT gaodi_enabled_accounts(${role}, ${except}::uuid) AS n`),
  );
  return rows[0]?.n ?? 0;
}

/**
 * How an account change by the signed-in administrator goes: at once, or as a request another
 * administrator approves (two-person rule), by the 三员 table ACCOUNT_RULES for every role involved.
 * Refuses (403, with the reason) what the table does not allow, a change of one's own account, and
 * disabling (or moving to another role) the last enabled account of an administrator role. While no
 * account of the approving role exists yet (the first security admin of a new installation), a
 * two-person change applies at once and its audit row says so.
 */
export async function planAccountChange(
  tx: Tx,
  ctx: UserContext,
  change: { action: AccountAction; roles: Role[]; target: Target | null; newRole?: Role },
): Promise<{ kind: 'direct'; bootstrap: boolean } | { kind: 'two_person'; approver: Role }> {
  const { action, target } = change;
  if (target && target.id === ctx.user.id)
    throw new AppError(403, 'FORBIDDEN', '不能在用户管理中修改自己的账号');
  let approver: Role | null = null;
  for (const role of change.roles) {
    const rule = accountRule(ctx.user.role, role, action);
    if (!rule) throw new AppError(403, 'FORBIDDEN', '三员分立：无权管理该角色的账号');
    if (rule.kind === 'two_person') approver = rule.approver;
  }
  const leavesRole =
    action === 'disable' || (change.newRole !== undefined && change.newRole !== target?.role);
  if (target && ADMINS.has(target.role) && !target.isDisabled && leavesRole) {
    if ((await enabledAccounts(tx, target.role, target.id)) === 0)
      throw new AppError(403, 'FORBIDDEN', '每种管理员角色至少保留一个启用的账号，不能停用最后一个');
  }
  if (!approver) return { kind: 'direct', bootstrap: false };
  if ((await enabledAccounts(tx, approver, null)) === 0) return { kind: 'direct', bootstrap: true };
  // Nobody approves a change of their own account.
  if (target && (await enabledAccounts(tx, approver, target.id)) === 0)
    throw new AppError(403, 'FORBIDDEN', '没有其他可以审批此变更的管理员');
  return { kind: 'two_person', approver };
}

/** Files a two-person request (audited) and answers it as the API shows it. */
export async function fileAccountRequest(
  tx: Tx,
  ctx: UserContext,
  at: Date,
  request: {
    action: AccountAction;
    approver: Role;
    target: { id: string | null; username: string; role: Role; regionCode: string };
    payload: Record<string, string | boolean | null>;
  },
): Promise<AccountRequest> {
  const [row] = await tx
    .insert(accountRequests)
    .values({
      regionCode: request.target.regionCode,
      action: request.action,
      targetUserId: request.target.id,
      targetUsername: request.target.username,
      targetRole: request.target.role,
      payload: request.payload,
      requestedBy: ctx.user.id,
      requestedByName: ctx.user.username,
      requesterRole: ctx.user.role,
      approverRole: request.approver,
      requestedAt: at,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, {
    regionCode: row.regionCode,
    at,
    actorId: ctx.user.id,
    actorName: ctx.user.username,
    action: `request:${request.action}`,
    targetType: 'user',
    targetId: request.target.id ?? request.target.username,
    result: 'ok',
    clientAddress: ctx.clientAddress,
    detail: { requestId: row.id, approverRole: request.approver, changes: publicChanges(row.payload) },
  });
  return toAccountRequest(row);
}

/** What a request shows: its changes without any password hash. */
function publicChanges(payload: unknown): Record<string, string | boolean | null> {
  const out: Record<string, string | boolean | null> = {};
  for (const [k, v] of Object.entries((payload ?? {}) as Record<string, unknown>)) {
    if (k === 'passwordHash') continue;
    out[k] = typeof v === 'string' || typeof v === 'boolean' ? v : null;
  }
  return out;
}

export function toAccountRequest(r: typeof accountRequests.$inferSelect): AccountRequest {
  return {
    id: r.id,
    action: r.action as AccountAction,
    targetUserId: r.targetUserId,
    targetUsername: r.targetUsername,
    targetRole: r.targetRole as Role,
    regionCode: r.regionCode,
    changes: publicChanges(r.payload),
    requestedByName: r.requestedByName,
    requestedAt: r.requestedAt.toISOString(),
    approverRole: r.approverRole as Role,
    status: r.status,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
