import { GetHomeWorkRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { readHomeWork } from './operations/read-home-work.ts';

/** The home page's own data: what waits for the signed-in user. */
export const homeRoutes: FastifyPluginAsync<{ auth: AuthService; db: Database; clock: Clock }> = async (
  app,
  { auth, db, clock },
) => {
  registerRoute(app, auth, GetHomeWorkRoute, ({ ctx }) => readHomeWork({ db, clock }, ctx));
};
