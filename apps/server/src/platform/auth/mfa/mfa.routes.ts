import {
  MfaConfirmRoute,
  MfaEnrolRoute,
  MfaRecoveryCodesRoute,
  MfaVerifyRoute,
  ResetUserMfaRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../http/errors.ts';
import { registerRoute } from '../../http/route.ts';
import type { AuthService } from '../auth.service.ts';
import type { MfaService } from './mfa.service.ts';

type Deps = { auth: AuthService; mfa: MfaService; codesPerMinute: number };

/** Two-step sign-in: the code step after the password, enrolment, recovery codes, the security admin's reset. */
export const mfaRoutes: FastifyPluginAsync<Deps> = async (app, { auth, mfa, codesPerMinute }) => {
  const limited = { rateLimit: { max: codesPerMinute, timeWindow: 60_000 } };

  registerRoute(
    app,
    auth,
    MfaVerifyRoute,
    async ({ ctx, body }) => {
      await mfa.verify(ctx, body.code);
      return { ok: true as const };
    },
    limited,
  );
  registerRoute(app, auth, MfaEnrolRoute, async ({ ctx }) => mfa.beginEnrolment(ctx));
  registerRoute(
    app,
    auth,
    MfaConfirmRoute,
    async ({ ctx, body }) => mfa.confirmEnrolment(ctx, body.code),
    limited,
  );
  registerRoute(app, auth, MfaRecoveryCodesRoute, async ({ ctx }) => mfa.renewRecoveryCodes(ctx));
  registerRoute(app, auth, ResetUserMfaRoute, async ({ ctx, params }) => {
    if (ctx.user.role !== 'secadmin') {
      await auth.recordDenied(ctx, 'mfa_reset', 'user');
      throw new AppError(403, 'FORBIDDEN', '只有安全管理员可以重置两步验证');
    }
    await mfa.reset(ctx, params.id);
    return { ok: true as const };
  });
};
