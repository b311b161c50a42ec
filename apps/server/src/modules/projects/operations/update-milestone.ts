import type { ProjectMilestoneInput } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { PROJECT_ITEM, type ProjectDeps } from '../projects.deps.ts';
import { lockForEdit } from '../projects.queries.ts';
import { projectMilestones } from '../projects.table.ts';
import { auditProject } from '../projects.writes.ts';
import { readProjectIn } from './read-project.ts';

/** Changes a milestone of the project (e.g. marks it done). */
export const updateMilestone = (
  deps: Pick<ProjectDeps, 'db' | 'clock' | 'supervision'>,
  ctx: UserContext,
  target: { id: string; milestoneId: string },
  input: z.output<typeof ProjectMilestoneInput>,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const { id, milestoneId } = target;
    await lockForEdit(tx, ctx, id);
    const updated = await tx
      .update(projectMilestones)
      .set(input)
      .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, id)))
      .returning({ id: projectMilestones.id });
    if (updated.length === 0) throw notFound(ctx.lang);
    await auditProject(tx, deps, ctx, 'milestone', id, { milestoneId, ...input });
    await deps.supervision.refreshItems(tx, PROJECT_ITEM, [id]);
    return readProjectIn(tx, ctx, id);
  });
