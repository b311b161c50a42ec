import type { HelperAssignInput } from '@gaodi/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { PROJECT_ITEM, type ProjectDeps } from '../projects.deps.ts';
import { currentHelper, EDITORS, lockForEdit } from '../projects.queries.ts';
import { projectHelperAssignments } from '../projects.table.ts';
import { addEntry, auditProject, checkHelper, startAssignment } from '../projects.writes.ts';
import { readProjectIn } from './read-project.ts';

/**
 * Hands the project to another helper. The project row is locked first, so concurrent
 * reassignments run one after another; the partial unique index on open assignments makes a
 * second current helper impossible even if that lock were missed.
 */
export const assignHelper = (
  deps: Pick<ProjectDeps, 'db' | 'clock' | 'notifier' | 'supervision'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof HelperAssignInput>,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    if (!EDITORS.has(ctx.user.role))
      throw new AppError(403, 'FORBIDDEN', '帮办专员的指定和交接由科技局工作人员办理');
    const p = await lockForEdit(tx, ctx, id);
    await checkHelper(tx, ctx, input.helperId, 'helperId');
    const current = await currentHelper(tx, id);
    if (current === input.helperId) return readProjectIn(tx, ctx, id);
    const now = deps.clock.now();
    await tx
      .update(projectHelperAssignments)
      .set({ endedAt: now })
      .where(and(eq(projectHelperAssignments.projectId, id), isNull(projectHelperAssignments.endedAt)));
    await startAssignment(tx, deps, ctx, p, {
      helperId: input.helperId,
      reason: input.reason,
      previousHelperId: current,
    });
    const [names] = rowsOf<{ before: string | null; after: string | null }>(
      await tx.execute(sql`SELECT (SELECT display_name FROM users WHERE id = ${current}::uuid) AS before,
                                  (SELECT display_name FROM users WHERE id = ${input.helperId}::uuid) AS after`),
    );
    await addEntry(tx, deps, ctx, p, {
      kind: 'handover',
      on: chinaDay(now),
      content: current
        ? `帮办专员由 ${names?.before ?? '—'} 交接给 ${names?.after ?? '—'}${input.reason ? `：${input.reason}` : ''}`
        : `指定帮办专员 ${names?.after ?? '—'}`,
    });
    await auditProject(tx, deps, ctx, 'assign_helper', id, {
      from: current,
      to: input.helperId,
      reason: input.reason,
    });
    await deps.supervision.refreshItems(tx, PROJECT_ITEM, [id]);
    return readProjectIn(tx, ctx, id);
  });
