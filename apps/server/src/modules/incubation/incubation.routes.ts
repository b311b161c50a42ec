import {
  AddOccupancyRoute,
  AddVisitRoute,
  ConfirmIncubateeImportRoute,
  ConfirmReportImportRoute,
  CreateCarrierRoute,
  CreateIncubateeRoute,
  ExportIncubateeLedgerRoute,
  GetCarrierRoute,
  GetIncubateeRoute,
  ListCarriersRoute,
  ListIncubateesRoute,
  MoveIncubateeRoute,
  PreviewIncubateeImportRoute,
  PreviewReportImportRoute,
  RegisterIncubateeRoute,
  ReportTemplateRoute,
  SaveReportRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { readUpload } from '../../platform/http/upload.ts';
import type { IncubationService } from './incubation.service.ts';

const TEMPLATE_NAME = '季度数据填报模板.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Incubation (孵化): carriers, incubatees and their chain path, moves, registration, visits, reports. */
export const incubationRoutes: FastifyPluginAsync<{
  auth: AuthService;
  incubation: IncubationService;
}> = async (app, { auth, incubation: s }) => {
  registerRoute(app, auth, ListCarriersRoute, ({ ctx, query }) => s.listCarriers(ctx, query));
  registerRoute(app, auth, CreateCarrierRoute, ({ ctx, body }) => s.createCarrier(ctx, body));
  registerRoute(app, auth, GetCarrierRoute, ({ ctx, params }) => s.readCarrier(ctx, params.id));
  registerRoute(app, auth, AddOccupancyRoute, ({ ctx, params, body }) =>
    s.addOccupancy(ctx, params.id, body),
  );
  registerRoute(app, auth, ExportIncubateeLedgerRoute, async ({ ctx, reply }) => {
    const { buffer, regionName } = await s.exportLedger(ctx);
    const name = `${regionName}在孵企业台账.xlsx`;
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment('incubatee-ledger.xlsx', name))
      .send(buffer);
  });
  registerRoute(app, auth, PreviewIncubateeImportRoute, async ({ ctx, request }) =>
    s.previewImport(ctx, (await readUpload(request)).bytes),
  );
  registerRoute(app, auth, ConfirmIncubateeImportRoute, ({ ctx, body }) => s.confirmImport(ctx, body.token));
  registerRoute(app, auth, ReportTemplateRoute, async ({ ctx, reply }) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', attachment('incubatee-reports.xlsx', TEMPLATE_NAME))
      .send(await s.reportTemplate(ctx)),
  );
  registerRoute(app, auth, PreviewReportImportRoute, async ({ ctx, request }) =>
    s.previewReports(ctx, (await readUpload(request)).bytes),
  );
  registerRoute(app, auth, ConfirmReportImportRoute, ({ ctx, body }) => s.confirmReports(ctx, body.token));
  registerRoute(app, auth, ListIncubateesRoute, ({ ctx, query }) => s.listIncubatees(ctx, query));
  registerRoute(app, auth, CreateIncubateeRoute, ({ ctx, body }) => s.createIncubatee(ctx, body));
  registerRoute(app, auth, GetIncubateeRoute, ({ ctx, params }) => s.readIncubatee(ctx, params.id));
  registerRoute(app, auth, MoveIncubateeRoute, ({ ctx, params, body }) =>
    s.moveIncubatee(ctx, params.id, body),
  );
  registerRoute(app, auth, RegisterIncubateeRoute, ({ ctx, params, body }) =>
    s.registerIncubatee(ctx, params.id, body),
  );
  registerRoute(app, auth, AddVisitRoute, ({ ctx, params, body }) => s.addVisit(ctx, params.id, body));
  registerRoute(app, auth, SaveReportRoute, ({ ctx, params, body }) => s.saveReport(ctx, params.id, body));
};
