import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { type AchievementIn, achievementValues } from '../achievements.queries.ts';
import { checkIndustry, instituteFor } from '../matchmaking.checks.ts';
import { achievements } from '../matchmaking.table.ts';

/** Inserts an achievement in the caller's transaction (create and the imports); returns its id. */
export async function insertAchievement(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: AchievementIn,
): Promise<string> {
  const institute = await instituteFor(tx, ctx, input.instituteId);
  await checkIndustry(tx, ctx, input.industryId);
  const now = clock.now();
  const [row] = await tx
    .insert(achievements)
    .values({
      ...achievementValues(input),
      regionCode: institute.regionCode,
      instituteId: institute.id,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.user.id,
    })
    .returning({ id: achievements.id });
  if (!row) throw new Error('insert returned nothing');
  await recordUserAction(tx, ctx, now, { action: 'create', targetType: 'achievement', targetId: row.id });
  return row.id;
}
