import type { Industry, IndustryInput } from '@gaodi/contracts';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { toIndustry } from '../directory.queries.ts';
import { industries } from '../directory.table.ts';

export async function createIndustry(
  { db, clock }: Pick<DirectoryDeps, 'db' | 'clock'>,
  ctx: UserContext,
  input: z.output<typeof IndustryInput>,
): Promise<Industry> {
  return db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .insert(industries)
      .values({ ...input, regionCode: ctx.user.activeRegionCode })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'create',
      targetType: 'industry',
      targetId: row.id,
    });
    return toIndustry(row);
  });
}
