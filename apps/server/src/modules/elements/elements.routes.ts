import { GetIndustryOverviewRoute, ListIndustryCardsRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataBox } from '../../platform/crypto/index.ts';
import type { Database } from '../../platform/db/database.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { yearOf } from '../innovation/index.ts';
import { listIndustryCards, readIndustryOverview } from './operations/read-industry-overview.ts';

/** The four elements per industry (主导产业 + 创新平台 + 领军人才 + 科研项目). */
export const elementsRoutes: FastifyPluginAsync<{
  auth: AuthService;
  db: Database;
  clock: Clock;
  box: DataBox;
}> = async (app, { auth, db, clock, box }) => {
  registerRoute(app, auth, ListIndustryCardsRoute, ({ ctx, query }) =>
    db.transaction(ctx.scope, (tx) => listIndustryCards(tx, query.year ?? yearOf(clock))),
  );
  registerRoute(app, auth, GetIndustryOverviewRoute, ({ ctx, params, query }) =>
    db.transaction(ctx.scope, (tx) =>
      readIndustryOverview({ box }, tx, ctx, params.id, query.year ?? yearOf(clock)),
    ),
  );
};
