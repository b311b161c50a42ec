import {
  FreezeMonthRoute,
  GetSnapshotRoute,
  IndicatorBreakdownRoute,
  IndicatorTrendRoute,
  ListIndicatorRecordsRoute,
  ListIndicatorsRoute,
  ListSnapshotRecordsRoute,
  ListSnapshotsRoute,
  SaveIndicatorTargetsRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import { recordUserAction } from '../../platform/audit/audit.ts';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { freezeMonth } from './operations/freeze-month.ts';
import {
  indicatorBreakdown,
  indicatorTrend,
  listIndicatorRecords,
} from './operations/list-indicator-records.ts';
import { listIndicators } from './operations/list-indicators.ts';
import { getSnapshot, listSnapshotRecords, listSnapshots } from './operations/read-snapshot.ts';
import { saveIndicatorTargets } from './operations/save-indicator-targets.ts';

export const indicatorsRoutes: FastifyPluginAsync<{ auth: AuthService; db: Database; clock: Clock }> = async (
  app,
  { auth, db, clock },
) => {
  const deps = { db, clock };
  registerRoute(app, auth, ListIndicatorsRoute, ({ ctx, query }) => listIndicators(deps, ctx, query));
  registerRoute(app, auth, ListIndicatorRecordsRoute, ({ ctx, params, query }) =>
    listIndicatorRecords(deps, ctx, params.code, query),
  );
  registerRoute(app, auth, IndicatorBreakdownRoute, ({ ctx, params, query }) =>
    indicatorBreakdown(deps, ctx, params.code, query),
  );
  registerRoute(app, auth, IndicatorTrendRoute, ({ ctx, params, query }) =>
    indicatorTrend(deps, ctx, params.code, query),
  );
  registerRoute(app, auth, SaveIndicatorTargetsRoute, ({ ctx, body }) =>
    saveIndicatorTargets(deps, ctx, body),
  );
  registerRoute(app, auth, ListSnapshotsRoute, ({ ctx, query }) => listSnapshots(deps, ctx, query));
  registerRoute(app, auth, GetSnapshotRoute, ({ ctx, query }) => getSnapshot(deps, ctx, query));
  registerRoute(app, auth, ListSnapshotRecordsRoute, ({ ctx, params, query }) =>
    listSnapshotRecords(deps, ctx, params.code, query),
  );
  registerRoute(app, auth, FreezeMonthRoute, async ({ ctx, body }) => {
    const result = await freezeMonth(deps, body.period);
    await db.transaction(ctx.scope, (tx) =>
      recordUserAction(tx, ctx, clock.now(), {
        action: 'create',
        targetType: 'indicator_snapshot',
        targetId: body.period,
        detail: result,
      }),
    );
    return result;
  });
};
