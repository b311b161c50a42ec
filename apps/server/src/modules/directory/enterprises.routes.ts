import {
  ConfirmEnterpriseImportRoute,
  CreateEnterpriseRoute,
  DeleteEnterpriseRoute,
  ExportEnterprisesRoute,
  GetEnterpriseRoute,
  ListEnterprisesRoute,
  PreviewEnterpriseImportRoute,
  RestoreEnterpriseRoute,
  UpdateEnterpriseRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { readUpload } from '../../platform/http/upload.ts';
import type { DirectoryDeps } from './directory.deps.ts';
import type { DirectoryService } from './directory.service.ts';
import { exportEnterprises } from './operations/export-enterprises.ts';
import { createEnterpriseImport } from './operations/import-enterprises.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 企业: the enterprise directory, its .xlsx ledger export and import (preview → confirm). */
export function enterprisesRoutes(
  app: FastifyInstance,
  auth: AuthService,
  deps: DirectoryDeps & { uploads: UploadStore; directory: DirectoryService },
) {
  const { directory } = deps;
  const imports = createEnterpriseImport(deps);
  registerRoute(app, auth, ListEnterprisesRoute, ({ ctx, query }) => directory.listEnterprises(ctx, query));
  registerRoute(app, auth, ExportEnterprisesRoute, async ({ ctx, query, reply }) => {
    const { buffer, fileName } = await exportEnterprises(deps, ctx, query);
    return reply
      .header('content-type', XLSX)
      .header(
        'content-disposition',
        `attachment; filename="enterprises.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      )
      .send(buffer);
  });
  registerRoute(app, auth, PreviewEnterpriseImportRoute, async ({ ctx, request }) =>
    imports.preview(ctx, (await readUpload(request)).bytes),
  );
  registerRoute(app, auth, ConfirmEnterpriseImportRoute, ({ ctx, body }) => imports.confirm(ctx, body.token));
  registerRoute(app, auth, GetEnterpriseRoute, ({ ctx, params }) => directory.getEnterprise(ctx, params.id));
  registerRoute(app, auth, CreateEnterpriseRoute, ({ ctx, body }) => directory.createEnterprise(ctx, body));
  registerRoute(app, auth, UpdateEnterpriseRoute, ({ ctx, params, body }) =>
    directory.updateEnterprise(ctx, params.id, body),
  );
  registerRoute(app, auth, DeleteEnterpriseRoute, ({ ctx, params }) =>
    directory.setEnterpriseDeleted(ctx, params.id, true),
  );
  registerRoute(app, auth, RestoreEnterpriseRoute, ({ ctx, params }) =>
    directory.setEnterpriseDeleted(ctx, params.id, false),
  );
}
