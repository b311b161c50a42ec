import type { Achievement } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { readAchievement } from '../achievements.queries.ts';
import { type MatchmakingDeps, writeIndexed } from '../matchmaking.deps.ts';
import { achievements } from '../matchmaking.table.ts';

/** Soft delete: the achievement leaves lists and the matching index. */
export function deleteAchievement(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index'>,
  ctx: UserContext,
  id: string,
): Promise<Achievement> {
  return writeIndexed(deps, ctx, async (tx) => {
    const current = await readAchievement(tx, ctx, id);
    const now = deps.clock.now();
    await tx.update(achievements).set({ deletedAt: now, updatedAt: now }).where(eq(achievements.id, id));
    await recordUserAction(tx, ctx, now, { action: 'delete', targetType: 'achievement', targetId: id });
    return current;
  });
}
