import { isMfaRequired } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordUserAction } from '../../audit/audit.ts';
import type { Clock } from '../../clock.ts';
import type { DataBox } from '../../crypto/index.ts';
import { type Database, rowsOf, type Tx } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { UserContext } from '../context.ts';
import { auditMfa, ownMfa, secretPlace, sid, textArray } from './mfa-state.ts';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';
import { verifyCode } from './verify-code.ts';

export const MFA_ISSUER = '高地';

export type MfaService = ReturnType<typeof createMfaService>;

/**
 * Two-step sign-in (TOTP): enrolment, the code step after the password, recovery codes and the
 * security admin's reset. Secrets are sealed with the data key (bound to the user); the database
 * functions gaodi_mfa_* keep the state and accept each time step once.
 */
export function createMfaService({ db, clock, box }: { db: Database; clock: Clock; box: DataBox }) {
  const audit = (tx: Tx, ctx: UserContext, action: string) => auditMfa(clock, tx, ctx, action, 'ok');

  /** The second step (verify-code.ts): a code of the authenticator app or a recovery code. */
  const verify = (ctx: UserContext, code: string) => verifyCode({ db, clock, box }, ctx, code);

  /** A new secret for the user's authenticator app (kept pending until a code confirms it). */
  async function beginEnrolment(ctx: UserContext) {
    const secret = newTotpSecret();
    const ok = await db.transaction(ctx.scope, async (tx) => {
      const sealed = box.encrypt(secret, secretPlace(ctx.user.id));
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
      const mfa = await ownMfa(tx, sid(ctx));
      if (!mfa?.pending_secret || mfa.secret) return false;
      const step = matchTotp(box.decrypt(mfa.pending_secret, secretPlace(ctx.user.id)), code, now);
      if (step === null) return false;
      const hashes = codes.map((c) => recoveryCodeHash(box, ctx.user.id, c));
      const done = rowsOf<{ ok: boolean }>(
        await tx.execute(
          sql`SELECT gaodi_mfa_confirm(${sid(ctx)}, ${step}, ${textArray(hashes)}, ${now.toISOString()}) AS ok`,
        ),
      )[0]?.ok;
      if (done) await audit(tx, ctx, 'mfa_enrol');
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
        await tx.execute(sql`SELECT gaodi_mfa_new_recovery(${sid(ctx)}, ${textArray(hashes)}) AS ok`),
      )[0]?.ok;
      if (done) await audit(tx, ctx, 'mfa_recovery_codes');
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
