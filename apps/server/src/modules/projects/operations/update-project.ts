import type { ProjectUpdateInput } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { changeOf } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { invalid } from '../../../platform/http/errors.ts';
import { regions } from '../../../platform/tenancy/region.table.ts';
import { searchTextOf } from '../../../platform/text/search-text.ts';
import { PROJECT_ITEM, type ProjectDeps } from '../projects.deps.ts';
import { lockForEdit } from '../projects.queries.ts';
import { cooperationProjects } from '../projects.table.ts';
import { auditProject } from '../projects.writes.ts';
import { readProjectIn } from './read-project.ts';

/** Changes a project's own fields (not its stage, helper or parties). */
export const updateProject = (
  deps: Pick<ProjectDeps, 'db' | 'clock' | 'supervision'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof ProjectUpdateInput>,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    await lockForEdit(tx, ctx, id);
    if (input.rdRegionCode) {
      const [rd] = await tx
        .select({ code: regions.code })
        .from(regions)
        .where(eq(regions.code, input.rdRegionCode));
      if (!rd) throw invalid([{ path: 'rdRegionCode', message: '研发地行政区划不存在' }], ctx.lang);
    }
    const [before] = await tx.select().from(cooperationProjects).where(eq(cooperationProjects.id, id));
    const [after] = await tx
      .update(cooperationProjects)
      .set({
        ...input,
        ...(input.title === undefined ? {} : { searchText: searchTextOf(input.title) }),
        updatedAt: deps.clock.now(),
      })
      .where(eq(cooperationProjects.id, id))
      .returning();
    await auditProject(tx, deps, ctx, 'update', id, before && after ? changeOf(before, after) : input);
    await deps.supervision.refreshItems(tx, PROJECT_ITEM, [id]);
    return readProjectIn(tx, ctx, id);
  });
