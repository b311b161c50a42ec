import type { Need } from '@gaodi/contracts';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { checkIndustry, enterpriseFor } from '../matchmaking.checks.ts';
import { type MatchmakingDeps, writeIndexed } from '../matchmaking.deps.ts';
import { techNeeds } from '../matchmaking.table.ts';
import { type NeedIn, needValues, readNeed } from '../needs.queries.ts';

/** An enterprise (or staff for it) submits a need; it starts collected (已征集). */
export function createNeed(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index'>,
  ctx: UserContext,
  input: NeedIn,
): Promise<Need> {
  return writeIndexed(deps, ctx, async (tx) => {
    const enterprise = await enterpriseFor(tx, ctx, input.enterpriseId);
    await checkIndustry(tx, ctx, input.industryId);
    const now = deps.clock.now();
    const [row] = await tx
      .insert(techNeeds)
      .values({
        ...needValues(input),
        regionCode: enterprise.regionCode,
        enterpriseId: enterprise.id,
        stage: 'collected',
        stageChangedAt: now,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.user.id,
      })
      .returning({ id: techNeeds.id });
    if (!row) throw new Error('insert returned nothing');
    await recordUserAction(tx, ctx, now, { action: 'create', targetType: 'need', targetId: row.id });
    return readNeed(tx, ctx, row.id);
  });
}
