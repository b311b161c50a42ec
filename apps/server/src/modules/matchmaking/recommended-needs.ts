import type { NeedStage, RecommendedNeed } from '@gaodi/contracts';
import type { MatchQuery } from '@gaodi/matching';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { UserContext } from '../../platform/auth/context.ts';
import { enterprises } from '../directory/index.ts';
import { matchTags } from './match-documents.ts';
import type { MatchmakingDeps } from './matchmaking.deps.ts';
import { techNeeds } from './matchmaking.table.ts';
import { idOf, toTerms } from './recommendations.queries.ts';

/**
 * Open needs of the user's regions ranked against a profile (an institute's or one achievement's),
 * the rows read through the user's transaction: row-level security decides what is shown.
 */
export async function rankOpenNeeds(
  { db, index }: Pick<MatchmakingDeps, 'db' | 'index'>,
  ctx: UserContext,
  query: Exclude<MatchQuery, string>,
  top: number,
): Promise<RecommendedNeed[]> {
  const engine = await index.fresh();
  const result = engine.searchDocuments(query, {
    top,
    explain: true,
    filters: {
      tags: [matchTags.need, matchTags.openNeed],
      anyTags: ctx.user.visibleRegions.map(matchTags.needRegion),
    },
  });
  const ids = result.documents.map((d) => idOf(d.id));
  const rows = ids.length
    ? await db.transaction(ctx.scope, (tx) =>
        tx
          .select({
            id: techNeeds.id,
            title: techNeeds.title,
            description: techNeeds.description,
            stage: techNeeds.stage,
            enterpriseName: enterprises.name,
          })
          .from(techNeeds)
          .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
          .where(and(inArray(techNeeds.id, ids), isNull(techNeeds.deletedAt))),
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return result.documents.flatMap((d) => {
    const r = byId.get(idOf(d.id));
    if (!r) return [];
    return [
      {
        id: r.id,
        title: r.title,
        description: r.description,
        // Enterprise names of other companies are shown to institutes only as the bureau publishes them.
        enterpriseName: ctx.user.role === 'institute' ? '' : (r.enterpriseName ?? ''),
        stage: r.stage as NeedStage,
        score: d.score,
        matches: toTerms(d.matches),
      },
    ];
  });
}
