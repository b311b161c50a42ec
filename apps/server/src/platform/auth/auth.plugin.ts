import {
  type Action,
  ChangePasswordRoute,
  can,
  LogoutRoute,
  MeRoute,
  MfaConfirmRoute,
  MfaEnrolRoute,
  MfaVerifyRoute,
  type Resource,
  SessionRoute,
} from '@gaodi/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, message } from '../http/errors.ts';
import { langOf } from '../i18n/lang.ts';
import type { AuthService } from './auth.service.ts';
import { anonymousScope, type RequestContext, scopeOf, type UserContext } from './context.ts';

export const SESSION_COOKIE = 'gaodi_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a user with an initial or reset password may still reach: changing it and the session itself. */
const BEFORE_PASSWORD_CHANGE = new Set<string>([
  MeRoute.path,
  SessionRoute.path,
  LogoutRoute.path,
  ChangePasswordRoute.path,
]);
/** What a session that still owes its second step (TOTP code) may reach. */
const BEFORE_MFA_CODE = new Set<string>([
  MeRoute.path,
  SessionRoute.path,
  LogoutRoute.path,
  MfaVerifyRoute.path,
]);
/** What a user who must set up two-step sign-in may reach. */
const BEFORE_MFA_ENROLMENT = new Set<string>([
  ...BEFORE_PASSWORD_CHANGE,
  MfaEnrolRoute.path,
  MfaConfirmRoute.path,
]);

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

/**
 * Resolves the session cookie on every request into `request.ctx`, and checks the CSRF token
 * (`x-csrf-token`, issued with the session) on every state-changing request that carries a session.
 */
export const authPlugin = fp(async (app: FastifyInstance, { auth }: { auth: AuthService }) => {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request) => {
    const lang = langOf(request);
    const ctx: RequestContext = {
      user: null,
      sessionId: null,
      scope: anonymousScope,
      clientAddress: request.ip,
      lang,
    };
    request.ctx = ctx;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/') || token.length > 200) return;
    const session = await auth.resolveSession(token);
    if (!session) return;
    ctx.user = session.user;
    ctx.sessionId = session.sessionId;
    ctx.scope = { ...scopeOf(session.user), lang };
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.user.csrfToken) {
      await auth.recordDenied(ctx, `${request.method} ${request.routeOptions.url ?? request.url}`, 'csrf');
      throw new AppError(403, 'CSRF', message('CSRF', lang));
    }
    const route = request.routeOptions.url ?? '';
    // The session is not privileged until the second step passes; then a forced password change;
    // then a forced enrolment in two-step sign-in.
    if (session.user.mfa === 'code' && !BEFORE_MFA_CODE.has(route)) {
      throw new AppError(403, 'MFA_REQUIRED', '请先完成两步验证');
    }
    if (session.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(route)) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码或重置后的密码');
    }
    if (session.user.mfa === 'enrol' && !BEFORE_MFA_ENROLMENT.has(route)) {
      throw new AppError(403, 'MFA_ENROLMENT_REQUIRED', '请先设置两步验证');
    }
  });
});

/** A preHandler that admits only signed-in users whose role may do `action` on `resource`. */
export function guard(auth: AuthService, resource: Resource, action: Action): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const ctx = request.ctx;
    if (!ctx.user) {
      // A state-changing request without a session is refused like a forged one: no session, no CSRF token.
      throw new AppError(401, 'UNAUTHENTICATED', message('UNAUTHENTICATED', ctx.lang));
    }
    const key = ctx.user.apiKey;
    if (!can(ctx.user.role, resource, action) || (key && !key.permissions.has(`${resource}:${action}`))) {
      await auth.recordDenied(ctx, `${action}:${resource}`, resource);
      throw new AppError(403, 'FORBIDDEN', message('FORBIDDEN', ctx.lang));
    }
  };
}

/** The signed-in context of a request that passed `guard` (or `signedIn`). */
export function userCtx(request: FastifyRequest): UserContext {
  const ctx = request.ctx;
  if (!ctx.user) throw new AppError(401, 'UNAUTHENTICATED', message('UNAUTHENTICATED', ctx.lang));
  return ctx as UserContext;
}

/** A preHandler that admits any signed-in user. */
export const signedIn: preHandlerAsyncHookHandler = async (request) => {
  const ctx = userCtx(request);
  // A machine's key reads what any signed-in user reads (its regions, itself) but changes no account or session.
  if (ctx.user.apiKey && request.method !== 'GET')
    throw new AppError(403, 'FORBIDDEN', message('FORBIDDEN', ctx.lang));
};
