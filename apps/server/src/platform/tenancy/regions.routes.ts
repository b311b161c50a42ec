import { ListRegionsRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import type { Database } from '../db/database.ts';
import { registerRoute } from '../http/route.ts';
import { regionSubtree } from './region-subtree.ts';

/** The regions the signed-in user may work on: the active region and everything below it. */
export const regionsRoutes: FastifyPluginAsync<{ auth: AuthService; db: Database }> = async (
  app,
  { auth, db },
) => {
  registerRoute(app, auth, ListRegionsRoute, ({ ctx }) =>
    regionSubtree(db, ctx.user.activeRegionCode, ctx.scope),
  );
};
