import { GetRecruitmentPlanRoute, SaveRecruitmentPlanRoute } from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { readPlan } from './operations/read-plan.ts';
import { savePlan } from './operations/save-plan.ts';
import type { RecruitmentDeps } from './recruitment.deps.ts';

/** 年度招引方案: read with its figures, set its targets. */
export function recruitmentPlanRoutes(app: FastifyInstance, auth: AuthService, deps: RecruitmentDeps) {
  registerRoute(app, auth, GetRecruitmentPlanRoute, ({ ctx, params }) => readPlan(deps, ctx, params.year));
  registerRoute(app, auth, SaveRecruitmentPlanRoute, ({ ctx, params, body }) =>
    savePlan(deps, ctx, params.year, body),
  );
}
