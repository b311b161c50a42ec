import type { RouteContract, RouteParsed, RouteResult } from '@gaodi/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { guard, signedIn, userCtx } from '../auth/auth.plugin.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { RequestContext, UserContext } from '../auth/context.ts';
import { idempotencyKeyOf, requestHashOf } from './idempotency.ts';

/** What a route handler receives: the validated parts, who asks, and Fastify's own objects. */
export type RouteCall<R extends RouteContract, C> = RouteParsed<R> & {
  ctx: C;
  request: FastifyRequest;
  reply: FastifyReply;
};

type ContextOf<R extends RouteContract> = R['access'] extends 'public' ? RequestContext : UserContext;

/**
 * Registers a route declared in contracts: its schemas validate the request and the answer (and
 * describe it in OpenAPI), its access becomes the permission guard, which runs before any body
 * or upload is read. Route files are lists of `registerRoute(app, auth, Route, handler)`.
 */
export function registerRoute<const R extends RouteContract>(
  app: FastifyInstance,
  auth: AuthService,
  route: R,
  handler: (call: RouteCall<R, ContextOf<R>>) => Promise<RouteResult<R>>,
  /** Server-only policy, e.g. a public route's rate limit (`{ max, timeWindow }` per client; `{}`: the app's default). */
  options: { rateLimit?: { max?: number; timeWindow?: number } } = {},
): void {
  const preHandler = accessGuard(auth, route);
  const schema: Record<string, unknown> = { tags: [...route.tags], summary: route.summary };
  if (route.params) schema.params = route.params;
  if (route.query) schema.querystring = route.query;
  if (route.body) schema.body = route.body;
  if (route.response)
    schema.response = { 200: route.response, ...(route.accepted ? { 202: route.accepted } : {}) };
  if (route.kind === 'upload') schema.consumes = ['multipart/form-data'];
  app.route({
    method: route.method,
    url: route.path,
    schema,
    ...(options.rateLimit ? { config: { rateLimit: options.rateLimit } } : {}),
    // Access is decided on request, before the body or an upload is read: a refused caller never
    // costs a parse (the session itself is resolved by the app-level onRequest hook, which runs first).
    ...(preHandler ? { onRequest: preHandler } : {}),
    handler: async (request, reply) => {
      const ctx = route.access === 'public' ? request.ctx : userCtx(request);
      const run = () =>
        handler({
          params: request.params,
          query: request.query,
          body: request.body,
          ctx,
          request,
          reply,
        } as RouteCall<R, ContextOf<R>>);
      // Every signed-in POST honours an `Idempotency-Key`: a retry or a double submit is one record.
      const key = route.method === 'POST' && route.kind !== 'upload' ? idempotencyKeyOf(request) : null;
      const store = request.server.idempotency;
      if (!key || !store || !request.ctx.user) return run();
      const name = `${route.method} ${route.path}`;
      return store.once(ctx as UserContext, name, key, requestHashOf(request), reply, run);
    },
  });
}

function accessGuard(auth: AuthService, route: RouteContract): preHandlerAsyncHookHandler | null {
  if (route.access === 'public') return null;
  if (route.access === 'signed-in') return signedIn;
  return guard(auth, route.access.resource, route.access.action);
}
