import { Region } from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedIn, userCtx } from '../auth/auth.plugin.ts';
import type { Database } from '../db/database.ts';
import { regionSubtree } from './region-subtree.ts';

/** The regions the signed-in user may work on: the active region and everything below it. */
export const regionsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/regions',
    {
      schema: { tags: ['auth'], summary: '可见区域', response: { 200: z.array(Region) } },
      preHandler: signedIn,
    },
    async (request) => {
      const { user, scope } = userCtx(request);
      return regionSubtree(db, user.activeRegionCode, scope);
    },
  );
};
