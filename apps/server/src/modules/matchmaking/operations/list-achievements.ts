import type { AchievementPage } from '@gaodi/contracts';
import { desc, eq, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { institutes } from '../../directory/index.ts';
import {
  type AchievementQuery,
  achievementBase,
  achievementWhere,
  toAchievement,
} from '../achievements.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { achievements } from '../matchmaking.table.ts';

export function listAchievements(
  { db }: Pick<MatchmakingDeps, 'db'>,
  ctx: UserContext,
  query: AchievementQuery,
): Promise<AchievementPage> {
  return db.transaction(ctx.scope, async (tx) => {
    const rows = await achievementBase(tx)
      .where(achievementWhere(query))
      .orderBy(desc(achievements.updatedAt), desc(achievements.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(achievements)
      .leftJoin(institutes, eq(institutes.id, achievements.instituteId))
      .where(achievementWhere(query));
    return {
      items: rows.map(toAchievement),
      total: count?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
