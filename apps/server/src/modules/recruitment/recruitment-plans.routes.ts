import { GetRecruitmentPlanRoute, SaveRecruitmentPlanRoute } from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { RecruitmentService } from './recruitment.service.ts';

/** 年度招引方案: read with its figures, set its targets. */
export function recruitmentPlanRoutes(
  app: FastifyInstance,
  auth: AuthService,
  recruitment: RecruitmentService,
) {
  registerRoute(app, auth, GetRecruitmentPlanRoute, ({ ctx, params }) =>
    recruitment.getPlan(ctx, params.year),
  );
  registerRoute(app, auth, SaveRecruitmentPlanRoute, ({ ctx, params, body }) =>
    recruitment.putPlan(ctx, params.year, body),
  );
}
