import {
  CreateInstituteRoute,
  DeleteInstituteRoute,
  GetInstituteRoute,
  ListInstitutesRoute,
  RestoreInstituteRoute,
  UpdateInstituteAliasesRoute,
  UpdateInstituteRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { DirectoryService } from './directory.service.ts';

export function institutesRoutes(app: FastifyInstance, auth: AuthService, directory: DirectoryService) {
  registerRoute(app, auth, ListInstitutesRoute, ({ ctx, query }) => directory.listInstitutes(ctx, query));
  registerRoute(app, auth, GetInstituteRoute, ({ ctx, params }) => directory.getInstitute(ctx, params.id));
  registerRoute(app, auth, CreateInstituteRoute, ({ ctx, body }) => directory.createInstitute(ctx, body));
  registerRoute(app, auth, UpdateInstituteRoute, ({ ctx, params, body }) =>
    directory.updateInstitute(ctx, params.id, body),
  );
  registerRoute(app, auth, UpdateInstituteAliasesRoute, ({ ctx, params, body }) =>
    directory.updateInstituteAliases(ctx, params.id, body),
  );
  registerRoute(app, auth, DeleteInstituteRoute, ({ ctx, params }) =>
    directory.setInstituteDeleted(ctx, params.id, true),
  );
  registerRoute(app, auth, RestoreInstituteRoute, ({ ctx, params }) =>
    directory.setInstituteDeleted(ctx, params.id, false),
  );
}
