import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import type { FilesService } from '../../platform/storage/files.service.ts';
import { createDirectoryService } from '../directory/index.ts';
import type { PlatformService } from '../innovation/index.ts';
import type { SupervisionService } from '../supervision/index.ts';
import { createLedgerImport } from './operations/import-ledger.ts';
import { createRecruitmentService } from './recruitment.service.ts';
import { recruitmentLedgerRoutes } from './recruitment-ledger.routes.ts';
import { recruitmentMilestoneRoutes } from './recruitment-milestones.routes.ts';
import { recruitmentPlanRoutes } from './recruitment-plans.routes.ts';
import { recruitmentRecordRoutes } from './recruitment-records.routes.ts';

type Deps = {
  auth: AuthService;
  db: Database;
  clock: Clock;
  uploads: UploadStore;
  files: FilesService;
  supervision: SupervisionService;
  platforms: PlatformService;
};

/** Every recruitment route, declared in contracts (recruitment.routes.contract.ts), by resource. */
export const recruitmentRoutes: FastifyPluginAsync<Deps> = async (app, deps) => {
  const { auth, db, clock, uploads } = deps;
  const recruitment = createRecruitmentService({
    db,
    clock,
    supervision: deps.supervision,
    platforms: deps.platforms,
    files: deps.files,
  });
  const ledgerImport = createLedgerImport({
    db,
    clock,
    uploads,
    recruitment,
    directory: createDirectoryService({ db, clock }),
    supervision: deps.supervision,
  });
  recruitmentPlanRoutes(app, auth, recruitment);
  recruitmentRecordRoutes(app, auth, recruitment);
  recruitmentLedgerRoutes(app, auth, { db, clock, recruitment, ledgerImport });
  recruitmentMilestoneRoutes(app, auth, recruitment);
};
