import {
  CreateExpertRoute,
  DeleteExpertRoute,
  GetExpertRoute,
  ListExpertsRoute,
  RestoreExpertRoute,
  UpdateExpertRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { DirectoryService } from './directory.service.ts';

export function expertsRoutes(app: FastifyInstance, auth: AuthService, directory: DirectoryService) {
  registerRoute(app, auth, ListExpertsRoute, ({ ctx, query }) => directory.listExperts(ctx, query));
  registerRoute(app, auth, GetExpertRoute, ({ ctx, params }) => directory.getExpert(ctx, params.id));
  registerRoute(app, auth, CreateExpertRoute, ({ ctx, body }) => directory.createExpert(ctx, body));
  registerRoute(app, auth, UpdateExpertRoute, ({ ctx, params, body }) =>
    directory.updateExpert(ctx, params.id, body),
  );
  registerRoute(app, auth, DeleteExpertRoute, ({ ctx, params }) =>
    directory.setExpertDeleted(ctx, params.id, true),
  );
  registerRoute(app, auth, RestoreExpertRoute, ({ ctx, params }) =>
    directory.setExpertDeleted(ctx, params.id, false),
  );
}
