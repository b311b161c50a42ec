import type { Achievement } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { type AchievementIn, readAchievement } from '../achievements.queries.ts';
import { type MatchmakingDeps, writeIndexed } from '../matchmaking.deps.ts';
import { insertAchievement } from './insert-achievement.ts';

export function createAchievement(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index'>,
  ctx: UserContext,
  input: AchievementIn,
): Promise<Achievement> {
  return writeIndexed(deps, ctx, async (tx) =>
    readAchievement(tx, ctx, await insertAchievement(deps, tx, ctx, input)),
  );
}
