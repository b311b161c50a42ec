import { accountRule, type Role } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError, notFound } from '../http/errors.ts';
import { users } from './auth.table.ts';
import { pgTextArray, temporaryPassword } from './change-password.ts';
import type { UserContext } from './context.ts';
import { hashPassword } from './password.ts';
import { nextHistory } from './password-policy.ts';

/** Refuses an account action the actor's role may not do on the target's role, or on their own account. */
export function refuseUnlessAllowed(
  ctx: UserContext,
  target: { id: string; role: string },
  allowed: boolean,
) {
  if (target.id === ctx.user.id) throw new AppError(403, 'FORBIDDEN', '不能在用户管理中修改自己的账号');
  if (!allowed) throw new AppError(403, 'FORBIDDEN', '三员分立：无权管理该角色的账号');
}

/** Sets a one-time password on an account in the caller's transaction; the user must change it at next sign-in. */
export async function applyPasswordReset(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId));
  if (!row) return null;
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await tx
    .update(users)
    .set({
      passwordHash: hash,
      passwordHistory: nextHistory(hash, row.passwordHash, pgTextArray(row.passwordHistory)),
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
    })
    .where(eq(users.id, userId));
  return password;
}

/** An administrator resets a user's password directly (the rule needs no second administrator). */
export async function resetPassword(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  userId: string,
): Promise<{ temporaryPassword: string }> {
  return db.transaction(ctx.scope, async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, userId));
    if (!target) throw notFound(ctx.lang);
    const rule = accountRule(ctx.user.role, target.role as Role, 'reset_password');
    refuseUnlessAllowed(ctx, target, rule?.kind === 'direct');
    const password = await applyPasswordReset(tx, target.id);
    if (!password) throw notFound(ctx.lang);
    await recordAudit(tx, {
      regionCode: target.regionCode,
      at: clock.now(),
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      action: 'reset_password',
      targetType: 'user',
      targetId: target.id,
      result: 'ok',
      clientAddress: ctx.clientAddress,
    });
    return { temporaryPassword: password };
  });
}
