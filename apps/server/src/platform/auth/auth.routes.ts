import {
  ChangePasswordRoute,
  isMfaRequired,
  LoginRoute,
  LogoutRoute,
  MeRoute,
  SessionRoute,
  SwitchRegionRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { registerRoute } from '../http/route.ts';
import { regionSubtree } from '../tenancy/region-subtree.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import type { AuthService } from './auth.service.ts';
import { changeOwnPassword } from './change-password.ts';
import type { UserContext } from './context.ts';

type Deps = { auth: AuthService; db: Database; clock: Clock; idleMinutes: number };

/** Sign-in, sign-out, the signed-in user, one's own password and the active region. */
export const authRoutes: FastifyPluginAsync<Deps> = async (app, { auth, db, clock, idleMinutes }) => {
  registerRoute(
    app,
    auth,
    LoginRoute,
    async ({ body, request, reply }) => {
      const { token } = await auth.login({ ...body, clientAddress: request.ip, lang: request.ctx.lang });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: idleMinutes * 60 * 48,
      });
      return { ok: true as const };
    },
    { rateLimit: {} },
  );

  registerRoute(app, auth, LogoutRoute, async ({ ctx, reply }) => {
    await auth.logout(ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  // The switcher offers the user's whole subtree, not only the narrowed active one.
  const meOf = async ({ user, scope }: UserContext) => {
    const subtree = await regionSubtree(db, user.regionCode, scope);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      regionCode: user.regionCode,
      activeRegionCode: user.activeRegionCode,
      regions: subtree,
      enterpriseId: user.enterpriseId,
      instituteId: user.instituteId,
      csrfToken: user.csrfToken,
      mustChangePassword: user.mustChangePassword,
      mfa: user.mfa,
      mfaEnabled: user.mfaEnabled,
      mfaRequired: isMfaRequired(user.role),
    };
  };

  registerRoute(app, auth, MeRoute, async ({ ctx }) => meOf(ctx));

  registerRoute(app, auth, SessionRoute, async ({ ctx }) => ({
    me: ctx.user ? await meOf(ctx as UserContext) : null,
  }));

  registerRoute(app, auth, ChangePasswordRoute, async ({ ctx, body }) => {
    await changeOwnPassword({ db, clock }, ctx, body);
    return { ok: true as const };
  });

  registerRoute(app, auth, SwitchRegionRoute, async ({ ctx, body }) => {
    const ok = await auth.switchRegion(ctx, body.regionCode);
    if (!ok) throw new AppError(403, 'FORBIDDEN', '只能切换到本级及下级区域');
    return { ok: true as const };
  });
};
