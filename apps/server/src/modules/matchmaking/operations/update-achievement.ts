import type { Achievement } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { changeOf, recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { type AchievementIn, achievementValues, readAchievement } from '../achievements.queries.ts';
import { checkIndustry, instituteFor } from '../matchmaking.checks.ts';
import { type MatchmakingDeps, writeIndexed } from '../matchmaking.deps.ts';
import { achievements } from '../matchmaking.table.ts';

export function updateAchievement(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index'>,
  ctx: UserContext,
  id: string,
  input: AchievementIn,
): Promise<Achievement> {
  return writeIndexed(deps, ctx, async (tx) => {
    const current = await readAchievement(tx, ctx, id);
    const institute =
      input.instituteId && ctx.user.role !== 'institute'
        ? await instituteFor(tx, ctx, input.instituteId)
        : null;
    await checkIndustry(tx, ctx, input.industryId);
    const now = deps.clock.now();
    const [before] = await tx.select().from(achievements).where(eq(achievements.id, current.id));
    const [after] = await tx
      .update(achievements)
      .set({
        ...achievementValues(input),
        ...(institute ? { instituteId: institute.id, regionCode: institute.regionCode } : {}),
        updatedAt: now,
      })
      .where(eq(achievements.id, current.id))
      .returning();
    await recordUserAction(tx, ctx, now, {
      action: 'update',
      targetType: 'achievement',
      targetId: id,
      detail: before && after ? changeOf(before, after) : undefined,
    });
    return readAchievement(tx, ctx, id);
  });
}
