import type { ProjectOutputInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { ProjectDeps } from '../projects.deps.ts';
import { lockForEdit } from '../projects.queries.ts';
import { projectOutputs } from '../projects.table.ts';
import { auditProject } from '../projects.writes.ts';
import { readProjectIn } from './read-project.ts';

/** An output of the project: a patent, a product, revenue (fen), a standard. */
export const addOutput = (
  deps: Pick<ProjectDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof ProjectOutputInput>,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const p = await lockForEdit(tx, ctx, id);
    await tx.insert(projectOutputs).values({ regionCode: p.regionCode, projectId: id, ...input });
    await auditProject(tx, deps, ctx, 'output', id, input);
    return readProjectIn(tx, ctx, id);
  });
