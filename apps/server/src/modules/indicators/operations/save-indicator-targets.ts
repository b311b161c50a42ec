import type { Indicators, IndicatorTargetsInput } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { indicatorTargets } from '../indicators.table.ts';
import { indicatorsIn, targetsOf } from './list-indicators.ts';

/** Sets (or clears, with null) the active region's yearly targets; one audit row with before/after. */
export function saveIndicatorTargets(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  input: z.output<typeof IndicatorTargetsInput>,
): Promise<Indicators> {
  const now = clock.now();
  const regionCode = ctx.user.activeRegionCode;
  return db.transaction(ctx.scope, async (tx) => {
    const before = Object.fromEntries(await targetsOf(tx, regionCode, input.year));
    for (const { code, target } of input.targets) {
      const key = and(
        eq(indicatorTargets.regionCode, regionCode),
        eq(indicatorTargets.year, input.year),
        eq(indicatorTargets.code, code),
      );
      if (target === null) {
        await tx.delete(indicatorTargets).where(key);
        continue;
      }
      await tx
        .insert(indicatorTargets)
        .values({ regionCode, year: input.year, code, target, updatedAt: now, updatedBy: ctx.user.id })
        .onConflictDoUpdate({
          target: [indicatorTargets.regionCode, indicatorTargets.year, indicatorTargets.code],
          set: { target, updatedAt: now, updatedBy: ctx.user.id },
        });
    }
    await recordUserAction(tx, ctx, now, {
      action: 'update',
      targetType: 'indicator_target',
      targetId: String(input.year),
      detail: { year: input.year, before, after: input.targets },
    });
    return indicatorsIn(tx, ctx, now, input.year, regionCode);
  });
}
