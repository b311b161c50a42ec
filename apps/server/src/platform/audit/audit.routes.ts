import { ListAuditRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import type { Database } from '../db/database.ts';
import { registerRoute } from '../http/route.ts';
import { listAudit } from './audit.ts';

/** The audit log, for audit administrators (row-level security enforces the same). */
export const auditRoutes: FastifyPluginAsync<{ auth: AuthService; db: Database }> = async (
  app,
  { auth, db },
) => {
  registerRoute(app, auth, ListAuditRoute, ({ ctx, query }) =>
    db.transaction(ctx.scope, (tx) => listAudit(tx, query)),
  );
};
