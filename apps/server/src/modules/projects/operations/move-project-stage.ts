import { eq } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { ProjectDeps } from '../projects.deps.ts';
import { type ProjectMoveInput, projectStageAdapter } from '../projects.pipeline.ts';
import { cooperationProjects } from '../projects.table.ts';
import { readProjectIn } from './read-project.ts';

/**
 * Moves a project to another stage (or an office's custom stage inside one) through the one stage
 * mover: the move writes its timeline entry and audit row and refreshes the project's light. A
 * signing without a contract number keeps the one the project already has.
 */
export const moveProjectStage = (
  deps: Pick<ProjectDeps, 'db' | 'clock' | 'stageMover'>,
  ctx: UserContext,
  id: string,
  input: ProjectMoveInput,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    let move = input;
    if (input.to === 'signed' && !input.contractNo) {
      const [p] = await tx
        .select({ contractNo: cooperationProjects.contractNo })
        .from(cooperationProjects)
        .where(eq(cooperationProjects.id, id));
      if (p?.contractNo) move = { ...input, contractNo: p.contractNo };
    }
    await deps.stageMover.moveStage(tx, ctx, projectStageAdapter(deps), id, move);
    return readProjectIn(tx, ctx, id);
  });
