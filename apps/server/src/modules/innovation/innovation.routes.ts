import {
  GetPlatformCriteriaRoute,
  GetPlatformRoute,
  LinkPlatformProjectsRoute,
  ListPlatformOptionsRoute,
  ListPlatformsRoute,
  RegisterPlatformRoute,
  SavePlatformAssessmentRoute,
  SavePlatformCriteriaRoute,
  SavePlatformEvidenceRoute,
  UpdatePlatformRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { PlatformService } from './innovation.service.ts';

/** Platforms (创新平台): list, page, registration with partners, evidence, assessments, criteria. */
export const platformRoutes: FastifyPluginAsync<{ auth: AuthService; platforms: PlatformService }> = async (
  app,
  { auth, platforms },
) => {
  registerRoute(app, auth, ListPlatformOptionsRoute, ({ ctx }) => platforms.listPlatformOptions(ctx));
  registerRoute(app, auth, ListPlatformsRoute, ({ ctx, query }) => platforms.listPlatforms(ctx, query));
  registerRoute(app, auth, RegisterPlatformRoute, ({ ctx, body }) => platforms.registerPlatform(ctx, body));
  registerRoute(app, auth, GetPlatformRoute, ({ ctx, params, query }) =>
    platforms.readPlatform(ctx, params.id, query.year),
  );
  registerRoute(app, auth, UpdatePlatformRoute, ({ ctx, params, body }) =>
    platforms.updatePlatform(ctx, params.id, body),
  );
  registerRoute(app, auth, SavePlatformEvidenceRoute, ({ ctx, params, body }) =>
    platforms.saveEvidence(ctx, params.id, body),
  );
  registerRoute(app, auth, SavePlatformAssessmentRoute, ({ ctx, params, body }) =>
    platforms.saveAssessment(ctx, params.id, body),
  );
  registerRoute(app, auth, LinkPlatformProjectsRoute, ({ ctx, params, body }) =>
    platforms.linkProjects(ctx, params.id, body),
  );
  registerRoute(app, auth, GetPlatformCriteriaRoute, ({ ctx }) => platforms.readCriteria(ctx));
  registerRoute(app, auth, SavePlatformCriteriaRoute, ({ ctx, body }) => platforms.saveCriteria(ctx, body));
};
