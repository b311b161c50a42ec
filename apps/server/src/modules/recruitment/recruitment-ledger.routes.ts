import {
  AddRecruitmentEntryRoute,
  ConfirmRecruitmentLedgerImportRoute,
  ExportRecruitmentLedgerRoute,
  PreviewRecruitmentLedgerImportRoute,
  UpdateRecruitmentEntryRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { addEntry } from './operations/add-entry.ts';
import { exportRecruitmentLedger } from './operations/export-ledger.ts';
import type { createLedgerImport } from './operations/import-ledger.ts';
import { updateEntry } from './operations/update-entry.ts';
import type { RecruitmentDeps } from './recruitment.deps.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The work ledger (工作台账): entries, the monthly .xlsx export and its import. */
export function recruitmentLedgerRoutes(
  app: FastifyInstance,
  auth: AuthService,
  deps: RecruitmentDeps,
  ledgerImport: ReturnType<typeof createLedgerImport>,
) {
  registerRoute(app, auth, AddRecruitmentEntryRoute, ({ ctx, params, body }) =>
    addEntry(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, UpdateRecruitmentEntryRoute, ({ ctx, params, body }) =>
    updateEntry(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, ExportRecruitmentLedgerRoute, async ({ ctx, query, reply }) => {
    const { buffer, regionName } = await exportRecruitmentLedger(deps, ctx, query);
    const name = encodeURIComponent(`${regionName}大院大所招引工作台账${query.month}.xlsx`);
    return reply
      .header('content-type', XLSX)
      .header(
        'content-disposition',
        `attachment; filename="recruitment-ledger-${query.month}.xlsx"; filename*=UTF-8''${name}`,
      )
      .send(buffer);
  });
  registerRoute(app, auth, PreviewRecruitmentLedgerImportRoute, async ({ ctx, request }) => {
    const { bytes } = await readUpload(request);
    return ledgerImport.preview(ctx, bytes);
  });
  registerRoute(app, auth, ConfirmRecruitmentLedgerImportRoute, ({ ctx, body }) =>
    ledgerImport.confirm(ctx, body.token),
  );
}
