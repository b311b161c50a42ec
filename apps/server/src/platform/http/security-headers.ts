import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The web app: its own scripts only; Ant Design writes its styles inline; no framing anywhere. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
/** Swagger UI's page starts itself with an inline script. */
const DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** The host the browser addressed (X-Forwarded-Host only when the proxy is trusted: request.host). */
function sameOrigin(request: FastifyRequest, origin: string): boolean {
  try {
    return new URL(origin).origin === new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return false;
  }
}

/**
 * Headers every answer carries (CSP with frame-ancestors, X-Frame-Options, nosniff,
 * Referrer-Policy; HSTS when the request came over TLS, directly or through a trusted proxy's
 * X-Forwarded-Proto), a refusal of state-changing requests whose Origin is another site (besides
 * the CSRF token), and, in production, the API description only for signed-in users.
 */
export const securityHeaders = fp(async (app: FastifyInstance, { production }: { production: boolean }) => {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (UNSAFE.has(request.method)) {
      const origin = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      if ((origin && origin !== 'null' && !sameOrigin(request, origin)) || site === 'cross-site')
        throw new AppError(403, 'ORIGIN', '请求来源不是本站，已拒绝');
    }
    if (production && request.url.startsWith('/api/docs') && !request.ctx?.user)
      throw new AppError(401, 'UNAUTHENTICATED', '请先登录后查看接口文档');
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
});
