import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { recordAudit } from '../../audit/audit.ts';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { AppError, message } from '../../http/errors.ts';
import { scopeOf } from '../context.ts';
import type { ApiKeyService } from './api-keys.ts';

/** The key a machine sends: `Authorization: Bearer gd_…` or `X-API-Key: gd_…`. */
export function apiKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const authorization = request.headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(gd_\S+)$/i);
  return bearer?.[1] ?? null;
}

/**
 * Machines' calls (issue 16): a request carrying an API key runs as the key — its role, its region
 * and the regions below, its permissions (checked by the route guard) — never with a session
 * cookie's CSRF rules (a key is no ambient credential). An unusable key answers 401, a key over its
 * rate limit 429. Every call is audited under the key's name with its route and status.
 */
export const apiKeyPlugin = fp(
  async (app: FastifyInstance, deps: { db: Database; clock: Clock; apiKeys: ApiKeyService }) => {
    const windows = new Map<string, { minute: number; count: number }>();
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      const key = apiKeyOf(request);
      if (!key) return;
      const ctx = request.ctx;
      const user = await deps.apiKeys.resolveApiKey(key);
      if (!user?.apiKey) throw new AppError(401, 'API_KEY', message('API_KEY', ctx.lang));
      ctx.user = user;
      ctx.sessionId = null;
      ctx.scope = { ...scopeOf(user), lang: ctx.lang };
      // A fixed window per key and minute, counted by each server process.
      const minute = Math.floor(deps.clock.now().getTime() / 60_000);
      const window = windows.get(user.id);
      const current = window?.minute === minute ? window : { minute, count: 0 };
      current.count++;
      windows.set(user.id, current);
      if (windows.size > 10_000) for (const [id, w] of windows) if (w.minute < minute) windows.delete(id);
      if (current.count > user.apiKey.rateLimitPerMinute) {
        reply.header('retry-after', String(60 - (Math.floor(deps.clock.now().getTime() / 1000) % 60)));
        throw new AppError(429, 'RATE_LIMIT', message('RATE_LIMIT', ctx.lang));
      }
    });
    app.addHook('onResponse', async (request, reply) => {
      const user = request.ctx?.user;
      if (!user?.apiKey) return;
      const status = reply.statusCode;
      await deps.db
        .transaction(request.ctx.scope, (tx) =>
          recordAudit(tx, {
            regionCode: user.regionCode,
            at: deps.clock.now(),
            actorId: user.id,
            actorName: user.username,
            action: 'api_call',
            targetType: 'api_key',
            targetId: user.id,
            result: status < 400 ? 'ok' : status === 401 || status === 403 ? 'denied' : 'failed',
            clientAddress: request.ctx.clientAddress,
            detail: { method: request.method, route: request.routeOptions.url ?? request.url, status },
          }),
        )
        .catch((error) => request.log.error(error, 'API call audit failed'));
    });
  },
);
