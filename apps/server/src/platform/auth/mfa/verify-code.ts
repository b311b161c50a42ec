import { sql } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import type { DataBox } from '../../crypto/index.ts';
import { type Database, rowsOf } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { UserContext } from '../context.ts';
import { auditMfa, ownMfa, secretPlace, sid } from './mfa-state.ts';
import { isRecoveryCode, recoveryCodeHash } from './recovery-codes.ts';
import { matchTotp } from './totp.ts';

/** Wrong codes in a row before the second step pauses: 1 minute, doubling, at most a day. */
export const MFA_PAUSE_AFTER = 5;
const PAUSE_BASE_MINUTES = 1;
const PAUSE_MAX_MINUTES = 24 * 60;

/** The second step: a code of the authenticator app or a recovery code. */
export async function verifyCode(
  { db, clock, box }: { db: Database; clock: Clock; box: DataBox },
  ctx: UserContext,
  code: string,
): Promise<void> {
  const now = clock.now();
  const outcome = await db.transaction(ctx.scope, async (tx) => {
    const mfa = await ownMfa(tx, sid(ctx));
    if (!mfa?.secret || ctx.user.mfa !== 'code') return 'none' as const;
    if (mfa.paused_until && new Date(mfa.paused_until) > now) return 'paused' as const;
    const secret = box.decrypt(mfa.secret, secretPlace(ctx.user.id));
    const recovery = isRecoveryCode(code);
    const step = recovery ? null : matchTotp(secret, code, now);
    const hash = recovery ? recoveryCodeHash(box, ctx.user.id, code) : null;
    const passed =
      (step !== null || hash !== null) &&
      rowsOf<{ ok: boolean }>(
        await tx.execute(sql`SELECT gaodi_mfa_pass(${sid(ctx)}, ${step}, ${hash}) AS ok`),
      )[0]?.ok === true;
    if (passed) await auditMfa(clock, tx, ctx, 'mfa_verify', 'ok', { recoveryCode: recovery || undefined });
    return passed ? ('ok' as const) : ('wrong' as const);
  });
  if (outcome === 'ok') return;
  if (outcome === 'none') throw new AppError(409, 'MFA_NOT_DUE', '当前无需两步验证');
  if (outcome === 'paused') {
    await db.transaction(ctx.scope, (tx) =>
      auditMfa(clock, tx, ctx, 'mfa_verify', 'denied', { paused: true }),
    );
    throw pausedError();
  }
  const pausedUntil = await db.transaction(ctx.scope, async (tx) => {
    const until = rowsOf<{ until: Date | string | null }>(
      await tx.execute(
        sql`SELECT gaodi_mfa_fail(${sid(ctx)}, ${now.toISOString()}, ${MFA_PAUSE_AFTER}, ${PAUSE_BASE_MINUTES}, ${PAUSE_MAX_MINUTES}) AS until`,
      ),
    )[0]?.until;
    await auditMfa(clock, tx, ctx, 'mfa_verify', 'failed', {
      pausedUntil: until ? new Date(until).toISOString() : undefined,
    });
    return until;
  });
  if (pausedUntil) throw pausedError();
  throw new AppError(400, 'MFA_CODE_WRONG', '验证码错误或已使用', [
    { path: 'code', message: '验证码错误或已使用' },
  ]);
}

function pausedError() {
  return new AppError(429, 'MFA_PAUSED', '验证码错误次数过多，请稍后再试');
}
