import type { ProjectEntryInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { invalid } from '../../../platform/http/errors.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { PROJECT_ITEM, type ProjectDeps } from '../projects.deps.ts';
import { lockForEdit } from '../projects.queries.ts';
import { addEntry, auditProject } from '../projects.writes.ts';
import { readProjectIn } from './read-project.ts';

/** A progress note on the timeline (not after today), maybe with the next date it promises. */
export const addProgress = (
  deps: Pick<ProjectDeps, 'db' | 'clock' | 'supervision'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof ProjectEntryInput>,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const p = await lockForEdit(tx, ctx, id);
    if (input.on > chinaDay(deps.clock.now()))
      throw invalid([{ path: 'on', message: '进展日期不能晚于今天' }], ctx.lang);
    await addEntry(tx, deps, ctx, p, {
      kind: 'progress',
      on: input.on,
      content: input.content,
      nextDate: input.nextDate,
    });
    await auditProject(tx, deps, ctx, 'progress', id);
    await deps.supervision.refreshItems(tx, PROJECT_ITEM, [id]);
    return readProjectIn(tx, ctx, id);
  });
