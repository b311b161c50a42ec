import type { AchievementNeedRecommendations } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { readAchievement } from '../achievements.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { rankOpenNeeds } from '../recommended-needs.ts';

/**
 * One achievement looking for the local needs it could answer ("which enterprises need this?"):
 * the achievement's own indexed terms are the query. An institute partner asks for its own only.
 */
export async function recommendForAchievement(
  deps: Pick<MatchmakingDeps, 'db' | 'index'>,
  ctx: UserContext,
  achievementId: string,
  top: number,
): Promise<AchievementNeedRecommendations> {
  const achievement = await deps.db.transaction(ctx.scope, (tx) => readAchievement(tx, ctx, achievementId));
  if (ctx.user.role === 'institute' && ctx.user.instituteId !== achievement.instituteId) {
    throw notFound(ctx.lang);
  }
  const needs = await rankOpenNeeds(deps, ctx, { document: `achievement:${achievementId}` }, top);
  return { achievementId, needs };
}
