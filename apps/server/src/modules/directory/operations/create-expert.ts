import type { ExpertInput } from '@gaodi/contracts';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { searchTextOf } from '../../../platform/text/search-text.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { assertInstituteVisible, readExpert } from '../directory.queries.ts';
import { experts } from '../directory.table.ts';

export function createExpert(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  input: z.output<typeof ExpertInput>,
) {
  return db.transaction(ctx.scope, async (tx) => {
    await assertInstituteVisible(tx, ctx, input.instituteId);
    const [row] = await tx
      .insert(experts)
      .values({
        ...input,
        searchText: searchTextOf(input.name),
        regionCode: ctx.user.activeRegionCode,
        createdBy: ctx.user.id,
      })
      .returning({ id: experts.id });
    if (!row) throw new Error('insert returned nothing');
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'create',
      targetType: 'expert',
      targetId: row.id,
    });
    return readExpert(tx, ctx, row.id);
  });
}
