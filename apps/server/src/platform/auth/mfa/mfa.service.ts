import { isMfaRequired } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit, recordUserAction } from '../../audit/audit.ts';
import type { Clock } from '../../clock.ts';
import type { DataBox } from '../../crypto/index.ts';
import { type Database, rowsOf, type Tx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { UserContext } from '../context.ts';
import { isRecoveryCode, newRecoveryCodes, recoveryCodeHash } from './recovery-codes.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

/** Wrong codes in a row before the second step pauses: 1 minute, doubling, at most a day. */
export const MFA_PAUSE_AFTER = 5;
const PAUSE_BASE_MINUTES = 1;
const PAUSE_MAX_MINUTES = 24 * 60;
export const MFA_ISSUER = '高地';

type OwnMfa = {
  secret: string | null;
  pending_secret: string | null;
  recovery_left: number;
  failures: number;
  paused_until: Date | string | null;
};

const sid = (ctx: UserContext) => ctx.sessionId ?? '';

export type MfaService = ReturnType<typeof createMfaService>;

/**
 * Two-step sign-in (TOTP): enrolment, the code step after the password, recovery codes and the
 * security admin's reset. Secrets are sealed with the data key (bound to the user); the database
 * functions gaodi_mfa_* keep the state and accept each time step once.
 */
export function createMfaService({ db, clock, box }: { db: Database; clock: Clock; box: DataBox }) {
  const place = (userId: string) => `user_mfa.secret:${userId}`;
  const own = async (tx: Tx, sessionId: string) =>
    rowsOf<OwnMfa>(await tx.execute(sql`SELECT * FROM gaodi_mfa_own(${sessionId})`))[0];
  const audit = (
    tx: Tx,
    ctx: UserContext,
    action: string,
    result: 'ok' | 'failed' | 'denied',
    detail?: unknown,
  ) =>
    recordAudit(tx, {
      regionCode: ctx.user.regionCode,
      at: clock.now(),
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      action,
      targetType: 'user',
      targetId: ctx.user.id,
      result,
      clientAddress: ctx.clientAddress,
      detail,
    });

  /** The second step: a code of the authenticator app or a recovery code. */
  async function verify(ctx: UserContext, code: string): Promise<void> {
    const now = clock.now();
    const outcome = await db.transaction(ctx.scope, async (tx) => {
      const mfa = await own(tx, sid(ctx));
      if (!mfa?.secret || ctx.user.mfa !== 'code') return 'none' as const;
      if (mfa.paused_until && new Date(mfa.paused_until) > now) return 'paused' as const;
      const secret = box.decrypt(mfa.secret, place(ctx.user.id));
      const recovery = isRecoveryCode(code);
      const step = recovery ? null : matchTotp(secret, code, now);
      const hash = recovery ? recoveryCodeHash(box, ctx.user.id, code) : null;
      const passed =
        (step !== null || hash !== null) &&
        rowsOf<{ ok: boolean }>(
          await tx.execute(sql`SELECT gaodi_mfa_pass(${sid(ctx)}, ${step}, ${hash}) AS ok`),
        )[0]?.ok === true;
      if (passed) await audit(tx, ctx, 'mfa_verify', 'ok', { recoveryCode: recovery || undefined });
      return passed ? ('ok' as const) : ('wrong' as const);
    });
    if (outcome === 'ok') return;
    if (outcome === 'none') throw new AppError(409, 'MFA_NOT_DUE', '当前无需两步验证');
    if (outcome === 'paused') {
      await db.transaction(ctx.scope, (tx) => audit(tx, ctx, 'mfa_verify', 'denied', { paused: true }));
      throw pausedError();
    }
    const pausedUntil = await db.transaction(ctx.scope, async (tx) => {
      const until = rowsOf<{ until: Date | string | null }>(
        await tx.execute(
          sql`SELECT gaodi_mfa_fail(${sid(ctx)}, ${now.toISOString()}, ${MFA_PAUSE_AFTER}, ${PAUSE_BASE_MINUTES}, ${PAUSE_MAX_MINUTES}) AS until`,
        ),
      )[0]?.until;
      await audit(tx, ctx, 'mfa_verify', 'failed', {
        pausedUntil: until ? new Date(until).toISOString() : undefined,
      });
      return until;
    });
    if (pausedUntil) throw pausedError();
    throw new AppError(400, 'MFA_CODE_WRONG', '验证码错误或已使用', [
      { path: 'code', message: '验证码错误或已使用' },
    ]);
  }

  /** A new secret for the user's authenticator app (kept pending until a code confirms it). */
  async function beginEnrolment(ctx: UserContext) {
    const secret = newTotpSecret();
    const ok = await db.transaction(ctx.scope, async (tx) => {
      const sealed = box.encrypt(secret, place(ctx.user.id));
      return (
        rowsOf<{ ok: boolean }>(
          await tx.execute(sql`SELECT gaodi_mfa_begin(${sid(ctx)}, ${sealed}) AS ok`),
        )[0]?.ok === true
      );
    });
    if (!ok) throw new AppError(409, 'MFA_ALREADY_ENABLED', '已启用两步验证；如需更换请联系安全管理员重置');
    return { secret, otpauthUri: otpauthUri(MFA_ISSUER, ctx.user.username, secret) };
  }

  /** The first code from the app confirms the secret; ten recovery codes are shown once. */
  async function confirmEnrolment(ctx: UserContext, code: string) {
    const now = clock.now();
    const codes = newRecoveryCodes();
    const ok = await db.transaction(ctx.scope, async (tx) => {
      const mfa = await own(tx, sid(ctx));
      if (!mfa?.pending_secret || mfa.secret) return false;
      const step = matchTotp(box.decrypt(mfa.pending_secret, place(ctx.user.id)), code, now);
      if (step === null) return false;
      const hashes = codes.map((c) => recoveryCodeHash(box, ctx.user.id, c));
      const done = rowsOf<{ ok: boolean }>(
        await tx.execute(
          sql`SELECT gaodi_mfa_confirm(${sid(ctx)}, ${step}, ARRAY[${sql.join(
            hashes.map((h) => sql`${h}`),
            sql`, `,
          )}]::text[], ${now.toISOString()}) AS ok`,
        ),
      )[0]?.ok;
      if (done) await audit(tx, ctx, 'mfa_enrol', 'ok');
      return done === true;
    });
    if (!ok)
      throw new AppError(400, 'MFA_CODE_WRONG', '验证码错误，请输入应用中当前显示的 6 位数字', [
        { path: 'code', message: '验证码错误，请输入应用中当前显示的 6 位数字' },
      ]);
    return { recoveryCodes: codes };
  }

  /** New recovery codes for the signed-in user; the old ones stop working. */
  async function renewRecoveryCodes(ctx: UserContext) {
    const codes = newRecoveryCodes();
    const hashes = codes.map((c) => recoveryCodeHash(box, ctx.user.id, c));
    const ok = await db.transaction(ctx.scope, async (tx) => {
      const done = rowsOf<{ ok: boolean }>(
        await tx.execute(
          sql`SELECT gaodi_mfa_new_recovery(${sid(ctx)}, ARRAY[${sql.join(
            hashes.map((h) => sql`${h}`),
            sql`, `,
          )}]::text[]) AS ok`,
        ),
      )[0]?.ok;
      if (done) await audit(tx, ctx, 'mfa_recovery_codes', 'ok');
      return done === true;
    });
    if (!ok) throw new AppError(409, 'MFA_NOT_ENABLED', '尚未启用两步验证');
    return { recoveryCodes: codes };
  }

  /** The security admin clears a user's two-step sign-in (audited); their sessions end. */
  async function reset(ctx: UserContext, userId: string): Promise<void> {
    const ok = await db.transaction(ctx.scope, async (tx) => {
      const done = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`SELECT gaodi_mfa_reset(${sid(ctx)}, ${userId}::uuid) AS ok`),
      )[0]?.ok;
      if (done)
        await recordUserAction(tx, ctx, clock.now(), {
          action: 'mfa_reset',
          targetType: 'user',
          targetId: userId,
        });
      return done === true;
    });
    if (!ok) throw new AppError(404, 'NOT_FOUND', '用户不存在，或无权重置其两步验证');
  }

  return { verify, beginEnrolment, confirmEnrolment, renewRecoveryCodes, reset, required: isMfaRequired };
}

function pausedError() {
  return new AppError(429, 'MFA_PAUSED', '验证码错误次数过多，请稍后再试');
}
