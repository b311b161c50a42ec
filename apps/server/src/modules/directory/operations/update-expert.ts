import type { ExpertInput } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { changeOf, recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { searchTextOf } from '../../../platform/text/search-text.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { assertInstituteVisible, readExpert } from '../directory.queries.ts';
import { experts } from '../directory.table.ts';

export function updateExpert(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof ExpertInput>,
) {
  return db.transaction(ctx.scope, async (tx) => {
    await assertInstituteVisible(tx, ctx, input.instituteId);
    const [before] = await tx.select().from(experts).where(eq(experts.id, id));
    const [after] = await tx
      .update(experts)
      .set({ ...input, searchText: searchTextOf(input.name), updatedAt: clock.now() })
      .where(eq(experts.id, id))
      .returning();
    if (!before || !after) throw notFound(ctx.lang);
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'update',
      targetType: 'expert',
      targetId: id,
      detail: changeOf(before, after),
    });
    return readExpert(tx, ctx, id);
  });
}
