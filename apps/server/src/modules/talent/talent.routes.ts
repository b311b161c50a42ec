import {
  AddTalentGroupRoute,
  AddTalentProgrammeRoute,
  ConfirmTalentImportRoute,
  CreateTalentRoute,
  ExportTalentLedgerRoute,
  GetTalentCatalogueRoute,
  GetTalentRoute,
  ListTalentsRoute,
  LookupTalentRoute,
  PreviewTalentImportRoute,
  UpdateTalentRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { readUpload } from '../../platform/http/upload.ts';
import type { TalentService } from './talent.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The talent registry (人才): list, page, registration, de-duplication, catalogue, 人才台账. */
export const talentRoutes: FastifyPluginAsync<{ auth: AuthService; talents: TalentService }> = async (
  app,
  { auth, talents },
) => {
  registerRoute(app, auth, ListTalentsRoute, ({ ctx, query }) => talents.listTalents(ctx, query));
  registerRoute(app, auth, CreateTalentRoute, ({ ctx, body }) => talents.createTalent(ctx, body));
  registerRoute(app, auth, LookupTalentRoute, ({ ctx, body }) => talents.lookupTalent(ctx, body.idNumber));
  registerRoute(app, auth, ExportTalentLedgerRoute, async ({ ctx, reply }) => {
    const { buffer, regionName } = await talents.exportLedger(ctx);
    const name = encodeURIComponent(`${regionName}人才台账.xlsx`);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="talent-ledger.xlsx"; filename*=UTF-8''${name}`)
      .send(buffer);
  });
  registerRoute(app, auth, PreviewTalentImportRoute, async ({ ctx, request }) => {
    const { bytes } = await readUpload(request);
    return talents.previewImport(ctx, bytes);
  });
  registerRoute(app, auth, ConfirmTalentImportRoute, ({ ctx, body }) =>
    talents.confirmImport(ctx, body.token),
  );
  registerRoute(app, auth, GetTalentRoute, ({ ctx, params }) => talents.readTalent(ctx, params.id));
  registerRoute(app, auth, UpdateTalentRoute, ({ ctx, params, body }) =>
    talents.updateTalent(ctx, params.id, body),
  );
  registerRoute(app, auth, GetTalentCatalogueRoute, ({ ctx }) => talents.readCatalogue(ctx));
  registerRoute(app, auth, AddTalentProgrammeRoute, ({ ctx, body }) => talents.addProgramme(ctx, body));
  registerRoute(app, auth, AddTalentGroupRoute, ({ ctx, body }) => talents.addGroup(ctx, body));
};
