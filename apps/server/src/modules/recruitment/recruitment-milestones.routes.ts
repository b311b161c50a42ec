import { AddRecruitmentMilestoneRoute, UpdateRecruitmentMilestoneRoute } from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { RecruitmentService } from './recruitment.service.ts';

/** A record's milestones (节点): add one, set its done date and proof. */
export function recruitmentMilestoneRoutes(
  app: FastifyInstance,
  auth: AuthService,
  recruitment: RecruitmentService,
) {
  registerRoute(app, auth, AddRecruitmentMilestoneRoute, ({ ctx, params, body }) =>
    recruitment.addMilestone(ctx, params.id, body),
  );
  registerRoute(app, auth, UpdateRecruitmentMilestoneRoute, ({ ctx, params, body }) =>
    recruitment.updateMilestone(ctx, params.id, body),
  );
}
