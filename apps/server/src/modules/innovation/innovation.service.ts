import type {
  AssessmentInput,
  EvidenceInput,
  OperatingCriteria,
  PlatformInput,
  PlatformListQuery,
  PlatformRegisterInput,
  ProjectLinksInput,
} from '@gaodi/contracts';
import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { platforms } from './innovation.table.ts';
import { findPlatform } from './operations/find-platform.ts';
import { insertPlatform } from './operations/insert-platform.ts';
import { linkPlatformProjects } from './operations/link-projects.ts';
import { listPlatforms } from './operations/list-platforms.ts';
import { readCriteria, yearOf } from './operations/operating.ts';
import { toPlatform } from './operations/platform-row.ts';
import { readPlatform } from './operations/read-platform.ts';
import { registerPlatform, updatePlatform } from './operations/register-platform.ts';
import { savePlatformAssessment } from './operations/save-assessment.ts';
import { savePlatformCriteria } from './operations/save-criteria.ts';
import { savePlatformEvidence } from './operations/save-evidence.ts';

export type PlatformService = ReturnType<typeof createPlatformService>;

/**
 * The platform operations bound to their dependencies, built once in app.ts: each request is one
 * transaction in the caller's scope (row-level security decides what is seen).
 */
export function createPlatformService({ db, clock }: { db: Database; clock: Clock }) {
  const deps = { clock };
  const run = <T>(ctx: UserContext, fn: (tx: Tx) => Promise<T>) => db.transaction(ctx.scope, fn);
  return {
    /** For recruitment's move to 运营, in its transaction. */
    insertPlatform: (tx: Tx, ctx: UserContext, input: z.output<typeof PlatformInput>) =>
      insertPlatform(deps, tx, ctx, input),
    findPlatform,
    listPlatformOptions: (ctx: UserContext) =>
      run(ctx, async (tx) =>
        (await tx.select().from(platforms).orderBy(asc(platforms.name))).map(toPlatform),
      ),
    listPlatforms: (ctx: UserContext, query: z.output<typeof PlatformListQuery>) =>
      run(ctx, (tx) => listPlatforms(tx, query, query.year ?? yearOf(clock))),
    readPlatform: (ctx: UserContext, id: string, year?: number) =>
      run(ctx, (tx) => readPlatform(tx, id, year ?? yearOf(clock))),
    registerPlatform: (ctx: UserContext, input: z.output<typeof PlatformRegisterInput>) =>
      run(ctx, (tx) => registerPlatform(deps, tx, ctx, input)),
    updatePlatform: (ctx: UserContext, id: string, input: z.output<typeof PlatformRegisterInput>) =>
      run(ctx, (tx) => updatePlatform(deps, tx, ctx, id, input)),
    saveEvidence: (ctx: UserContext, id: string, input: z.output<typeof EvidenceInput>) =>
      run(ctx, (tx) => savePlatformEvidence(deps, tx, ctx, id, input)),
    saveAssessment: (ctx: UserContext, id: string, input: z.output<typeof AssessmentInput>) =>
      run(ctx, (tx) => savePlatformAssessment(deps, tx, ctx, id, input)),
    linkProjects: (ctx: UserContext, id: string, input: z.output<typeof ProjectLinksInput>) =>
      run(ctx, (tx) => linkPlatformProjects(deps, tx, ctx, id, input)),
    readCriteria: (ctx: UserContext) => run(ctx, (tx) => readCriteria(tx, ctx.user.activeRegionCode)),
    saveCriteria: (ctx: UserContext, input: OperatingCriteria) =>
      run(ctx, (tx) => savePlatformCriteria(deps, tx, ctx, input)),
  };
}
