import {
  MfaConfirmRoute,
  MfaEnrolRoute,
  MfaRecoveryCodesRoute,
  MfaVerifyRoute,
  ResetUserMfaRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
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
  // Only the security admin (user_mfa:update in the permission table; the guard refuses others).
  registerRoute(app, auth, ResetUserMfaRoute, async ({ ctx, params }) => {
    await mfa.reset(ctx, params.id);
    return { ok: true as const };
  });
};
