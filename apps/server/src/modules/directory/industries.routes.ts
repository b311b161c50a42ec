import { CreateIndustryRoute, ListIndustriesRoute } from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { DirectoryService } from './directory.service.ts';

export function industriesRoutes(app: FastifyInstance, auth: AuthService, directory: DirectoryService) {
  registerRoute(app, auth, ListIndustriesRoute, ({ ctx }) => directory.listIndustries(ctx));
  registerRoute(app, auth, CreateIndustryRoute, ({ ctx, body }) => directory.createIndustry(ctx, body));
}
