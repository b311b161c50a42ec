import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { createLedgerImport } from './operations/import-ledger.ts';
import type { RecruitmentDeps } from './recruitment.deps.ts';
import { recruitmentLedgerRoutes } from './recruitment-ledger.routes.ts';
import { recruitmentMilestoneRoutes } from './recruitment-milestones.routes.ts';
import { recruitmentPlanRoutes } from './recruitment-plans.routes.ts';
import { recruitmentRecordRoutes } from './recruitment-records.routes.ts';

/** Every recruitment route, declared in contracts (recruitment.routes.contract.ts), by resource. */
export const recruitmentRoutes: FastifyPluginAsync<{ auth: AuthService; deps: RecruitmentDeps }> = async (
  app,
  { auth, deps },
) => {
  recruitmentPlanRoutes(app, auth, deps);
  recruitmentRecordRoutes(app, auth, deps);
  recruitmentLedgerRoutes(app, auth, deps, createLedgerImport(deps));
  recruitmentMilestoneRoutes(app, auth, deps);
};
