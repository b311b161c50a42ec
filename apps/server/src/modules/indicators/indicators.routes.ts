import {
  ExportBriefingRoute,
  ExportIndicatorsRoute,
  FreezeMonthRoute,
  GetSnapshotRoute,
  IndicatorBreakdownRoute,
  IndicatorFunnelRoute,
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
import { chineseDate } from '../../platform/excel/workbook.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { briefingDocx } from './indicators.briefing.ts';
import { exportIndicators } from './operations/export-indicators.ts';
import { freezeMonth } from './operations/freeze-month.ts';
import { gatherBriefing } from './operations/gather-briefing.ts';
import {
  indicatorBreakdown,
  indicatorTrend,
  listIndicatorRecords,
} from './operations/list-indicator-records.ts';
import { listIndicators } from './operations/list-indicators.ts';
import { readFunnel } from './operations/read-funnel.ts';
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
  registerRoute(app, auth, IndicatorFunnelRoute, ({ ctx, query }) => readFunnel(deps, ctx, query));
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
  registerRoute(app, auth, ExportIndicatorsRoute, async ({ ctx, query, reply }) => {
    const { buffer, name } = await exportIndicators(deps, ctx, query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment(name, 'indicators.xlsx'))
      .send(buffer);
  });
  registerRoute(app, auth, ExportBriefingRoute, async ({ ctx, query, reply }) => {
    const now = clock.now();
    const data = await db.transaction(ctx.scope, (tx) => gatherBriefing(tx, ctx, now, query));
    const buffer = await briefingDocx(data, {
      number: query.number || `${data.year}年第${data.quarter ?? data.endMonth}期`,
      issuer: query.issuer || `${data.regionName}创新高地建设工作专班`,
      date: chineseDate(now),
      nextSteps: (query.nextSteps ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    });
    return reply
      .header('content-type', DOCX)
      .header(
        'content-disposition',
        attachment(`${data.regionName}工作专报（${query.period}）.docx`, 'briefing.docx'),
      )
      .send(buffer);
  });
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string, ascii: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
