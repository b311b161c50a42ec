import type { Achievement } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { readAchievement } from '../achievements.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';

export function getAchievement(
  { db }: Pick<MatchmakingDeps, 'db'>,
  ctx: UserContext,
  id: string,
): Promise<Achievement> {
  return db.transaction(ctx.scope, (tx) => readAchievement(tx, ctx, id));
}
