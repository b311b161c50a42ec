import { AddRecruitmentMilestoneRoute, UpdateRecruitmentMilestoneRoute } from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { addMilestone } from './operations/add-milestone.ts';
import { updateMilestone } from './operations/update-milestone.ts';
import type { RecruitmentDeps } from './recruitment.deps.ts';

/** A record's milestones (节点): add one, set its done date and proof. */
export function recruitmentMilestoneRoutes(app: FastifyInstance, auth: AuthService, deps: RecruitmentDeps) {
  registerRoute(app, auth, AddRecruitmentMilestoneRoute, ({ ctx, params, body }) =>
    addMilestone(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, UpdateRecruitmentMilestoneRoute, ({ ctx, params, body }) =>
    updateMilestone(deps, ctx, params.id, body),
  );
}
