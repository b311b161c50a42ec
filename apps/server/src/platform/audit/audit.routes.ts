import { AuditEntry, AuditQuery, pageOf } from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard } from '../auth/auth.plugin.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Database } from '../db/database.ts';
import { listAudit } from './audit.ts';

/** The audit log, for audit administrators (row-level security enforces the same). */
export const auditRoutes: FastifyPluginAsyncZod<{ auth: AuthService; db: Database }> = async (
  app,
  { auth, db },
) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEntry) },
      },
      preHandler: guard(auth, 'audit', 'read'),
    },
    async (request) => db.transaction(request.ctx.scope, (tx) => listAudit(tx, request.query)),
  );
};
