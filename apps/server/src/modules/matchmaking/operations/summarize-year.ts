import { type MatchmakingSummary, needPipeline, OPEN_NEED_STAGES } from '@gaodi/contracts';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { yearWhere } from '../events.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { achievements, matchmakingEvents, needPairings, techNeeds } from '../matchmaking.table.ts';
import { rowsOf } from '../sql-rows.ts';

/** Needs that reached publication: open now, or done since (from the pipeline's groups). */
const PUBLISHED = [...OPEN_NEED_STAGES, ...needPipeline.stagesIn('done')];

/** The year's matchmaking figures, computed from records. */
export function summarizeYear(
  { db }: Pick<MatchmakingDeps, 'db'>,
  ctx: UserContext,
  year: number,
): Promise<MatchmakingSummary> {
  return db.transaction(ctx.scope, async (tx) => {
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    const [events] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(matchmakingEvents)
      .where(and(isNull(matchmakingEvents.deletedAt), yearWhere(year)));
    const [needs] = rowsOf<{ total: number; published: number }>(
      await tx.execute(sql`
        SELECT count(*)::int AS total,
               count(*) FILTER (WHERE ${inArray(techNeeds.stage, PUBLISHED)})::int AS published
        FROM tech_needs WHERE deleted_at IS NULL AND created_at >= ${from}::date AND created_at < ${to}::date`),
    );
    const [achievementCount] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(achievements)
      .where(isNull(achievements.deletedAt));
    const [pairings] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(needPairings)
      .where(sql`${needPairings.createdAt} >= ${from}::date AND ${needPairings.createdAt} < ${to}::date`);
    return {
      year,
      events: events?.n ?? 0,
      needs: needs?.total ?? 0,
      publishedNeeds: needs?.published ?? 0,
      achievements: achievementCount?.n ?? 0,
      pairings: pairings?.n ?? 0,
    };
  });
}
