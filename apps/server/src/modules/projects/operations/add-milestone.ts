import type { ProjectMilestoneInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { PROJECT_ITEM, type ProjectDeps } from '../projects.deps.ts';
import { lockForEdit } from '../projects.queries.ts';
import { projectMilestones } from '../projects.table.ts';
import { auditProject } from '../projects.writes.ts';
import { readProjectIn } from './read-project.ts';

/** A milestone with its due date (an overdue one turns the project's light red). */
export const addMilestone = (
  deps: Pick<ProjectDeps, 'db' | 'clock' | 'supervision'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof ProjectMilestoneInput>,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const p = await lockForEdit(tx, ctx, id);
    await tx.insert(projectMilestones).values({ regionCode: p.regionCode, projectId: id, ...input });
    await auditProject(tx, deps, ctx, 'milestone', id, input);
    await deps.supervision.refreshItems(tx, PROJECT_ITEM, [id]);
    return readProjectIn(tx, ctx, id);
  });
