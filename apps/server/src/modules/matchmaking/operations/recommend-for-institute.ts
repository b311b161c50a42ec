import type { InstituteNeedRecommendations, NeedStage } from '@gaodi/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { enterprises, institutes } from '../../directory/index.ts';
import { matchTags } from '../match-documents.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { techNeeds } from '../matchmaking.table.ts';
import { idOf, toTerms } from '../recommendations.queries.ts';

/** The reverse direction: open needs an institute's achievements and experts could answer. */
export async function recommendForInstitute(
  { db, index }: Pick<MatchmakingDeps, 'db' | 'index'>,
  ctx: UserContext,
  instituteId: string,
  top: number,
): Promise<InstituteNeedRecommendations> {
  if (ctx.user.role === 'institute' && ctx.user.instituteId !== instituteId) throw notFound(ctx.lang);
  await db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .select({ id: institutes.id })
      .from(institutes)
      .where(eq(institutes.id, instituteId));
    if (!row) throw notFound(ctx.lang);
  });
  const engine = await index.fresh();
  const result = engine.searchDocuments(
    // An institute's profile is broad (many achievements): more terms than the engine's default.
    { owner: instituteId, terms: 150 },
    {
      top,
      explain: true,
      filters: {
        tags: [matchTags.need, matchTags.openNeed],
        anyTags: ctx.user.visibleRegions.map(matchTags.needRegion),
      },
    },
  );
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
  return {
    instituteId,
    needs: result.documents.flatMap((d) => {
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
    }),
  };
}
