import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { UserContext } from './context.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { nextHistory, passwordProblems } from './password-policy.ts';

/**
 * A user changes their own password: the current one must be right and the new one must pass the
 * policy. The user's other sessions end; this one stays and no longer needs a change.
 */
export async function changeOwnPassword(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const sessionId = ctx.sessionId;
  if (!sessionId) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  const own = await db.transaction(ctx.scope, async (tx) =>
    rowsOf<{ username: string; password_hash: string; password_history: string[] | string }>(
      await tx.execute(sql`SELECT * FROM gaodi_auth_own_password()`),
    ),
  );
  const me = own[0];
  if (!me) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  if (!(await verifyPassword(me.password_hash, input.currentPassword)))
    throw new AppError(400, 'VALIDATION', '当前密码不正确', [
      { path: 'currentPassword', message: '当前密码不正确' },
    ]);
  const history = pgTextArray(me.password_history);
  const problems = await passwordProblems({
    password: input.newPassword,
    username: me.username,
    previousHashes: [me.password_hash, ...history.filter((h) => h !== me.password_hash)],
  });
  if (problems.length > 0)
    throw new AppError(
      400,
      'VALIDATION',
      problems[0] ?? '',
      problems.map((message) => ({ path: 'newPassword', message })),
    );
  const newHash = await hashPassword(input.newPassword);
  const now = clock.now();
  const nextHashes = nextHistory(newHash, me.password_hash, history).map((h) => sql`${h}`);
  await db.transaction(ctx.scope, async (tx) => {
    const changed = rowsOf<{ ok: boolean }>(
      await tx.execute(
        sql`SELECT gaodi_auth_set_own_password(${sessionId}, ${newHash}, ARRAY[${sql.join(nextHashes, sql`, `)}]::text[], ${now.toISOString()}) AS ok`,
      ),
    )[0]?.ok;
    if (!changed) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
    await recordAudit(tx, {
      regionCode: ctx.user.regionCode,
      at: now,
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      action: 'change_password',
      targetType: 'user',
      targetId: ctx.user.id,
      result: 'ok',
      clientAddress: ctx.clientAddress,
    });
  });
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password for an initial account or a reset: 3 groups of 4, upper, lower and digits. */
export function temporaryPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const candidate = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
    if (/[A-Z]/.test(candidate) && /[a-z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}

/** node-postgres returns text[] as an array; be lenient with '{a,b}'. */
export function pgTextArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  // Elements with commas (an argon2 hash has them) come quoted: {"a,b",c}.
  return [...value.replace(/^\{|\}$/g, '').matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map(
    (m) => m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? '',
  );
}
