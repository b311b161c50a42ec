import { GetImportJobRoute, translateMessage } from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import type { Database } from '../db/database.ts';
import { registerRoute } from '../http/route.ts';
import { langOf } from '../i18n/lang.ts';
import { getImportJob } from './import-jobs.ts';

/** GET /api/import-jobs/:id: a confirmed import's progress and result (its starter only). */
export function importJobsRoutes(app: FastifyInstance, auth: AuthService, db: Database) {
  registerRoute(app, auth, GetImportJobRoute, async ({ ctx, params, request }) => {
    const job = await getImportJob(db, ctx, params.id);
    return job.error ? { ...job, error: translateMessage(job.error, langOf(request)) } : job;
  });
}
