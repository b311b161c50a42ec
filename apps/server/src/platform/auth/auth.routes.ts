import { LoginInput, Me, Ok, PasswordChangeInput, SwitchRegionInput } from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { regionSubtree } from '../tenancy/region-subtree.ts';
import { SESSION_COOKIE, signedIn, userCtx } from './auth.plugin.ts';
import type { AuthService } from './auth.service.ts';
import { changeOwnPassword } from './change-password.ts';

type Deps = { auth: AuthService; db: Database; clock: Clock; idleMinutes: number };

export const authRoutes: FastifyPluginAsyncZod<Deps> = async (app, { auth, db, clock, idleMinutes }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: LoginInput, response: { 200: Ok } },
      config: { rateLimit: {} },
    },
    async (request, reply) => {
      const { token } = await auth.login({
        ...request.body,
        clientAddress: request.ip,
        lang: request.ctx.lang,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: idleMinutes * 60 * 48,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } } },
    async (request, reply) => {
      await auth.logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me } }, preHandler: signedIn },
    async (request) => {
      const { user, scope } = userCtx(request);
      // The switcher offers the user's whole subtree, not only the narrowed active one.
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
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: '修改密码', body: PasswordChangeInput, response: { 200: Ok } },
      preHandler: signedIn,
    },
    async (request) => {
      await changeOwnPassword({ db, clock }, userCtx(request), request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/region',
    {
      schema: { tags: ['auth'], summary: '切换当前区域', body: SwitchRegionInput, response: { 200: Ok } },
      preHandler: signedIn,
    },
    async (request) => {
      const ok = await auth.switchRegion(request.ctx, request.body.regionCode);
      if (!ok) throw new AppError(403, 'FORBIDDEN', '只能切换到本级及下级区域');
      return { ok: true as const };
    },
  );
};
