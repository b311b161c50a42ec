import { ChangeFeedRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Database } from '../../platform/db/database.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { readChanges } from './operations/read-changes.ts';

/** The exchange feed: what changed in the caller's regions since a cursor. */
export const exchangeRoutes: FastifyPluginAsync<{ auth: AuthService; db: Database }> = async (
  app,
  { auth, db },
) => {
  registerRoute(app, auth, ChangeFeedRoute, ({ ctx, query }) => readChanges({ db }, ctx, query));
};
