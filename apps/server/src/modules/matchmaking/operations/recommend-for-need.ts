import type {
  NeedRecommendations,
  RecommendedAchievement,
  RecommendedExpert,
  RecommendedInstitute,
} from '@gaodi/contracts';
import type { OwnerMatch } from '@gaodi/matching';
import type { UserContext } from '../../../platform/auth/context.ts';
import { needQueryText } from '../match-documents.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { readNeed } from '../needs.queries.ts';
import { isConfident, reasonMatches, reasonTerms } from '../recommendation-relevance.ts';
import {
  idOf,
  partyFilters,
  type RecommendedRows,
  type RecQuery,
  readRecommendedRows,
  recommendedAchievement,
  recommendedExpert,
} from '../recommendations.queries.ts';

const isAchievement = (id: string) => id.startsWith('achievement:');
const isExpert = (id: string) => id.startsWith('expert:');

/**
 * Institutes, achievements and experts for a need, with why they match. The index answers with
 * ids; every id is read back through the user's transaction, so row-level security decides what
 * is shown, never the index.
 */
export async function recommendForNeed(
  { db, index }: Pick<MatchmakingDeps, 'db' | 'index'>,
  ctx: UserContext,
  needId: string,
  query: RecQuery,
): Promise<NeedRecommendations> {
  const need = await db.transaction(ctx.scope, (tx) => readNeed(tx, ctx, needId));
  const engine = await index.fresh();
  const changeId = index.changeId();
  const text = needQueryText(need);
  // One scoring pass: the institutes, and the achievements and experts that carried them. The
  // best documents overall are among these (an institute scores at least its best document).
  const ranked = engine.search(text, {
    top: query.top,
    explain: true,
    filters: partyFilters(ctx, query),
  }).owners;
  const best = ranked[0]?.score ?? 0;
  // The engine's readable reasons when it gives them, else the need's whole terms it matched.
  const relevant = ranked
    .map((o) => ({ ...o, terms: o.reasons ?? reasonTerms(o.terms ?? [], text) }))
    .filter((o) => isConfident(o, best) && o.terms.length > 0);
  // An institute partner sees its own institute's row only (why it was declined, if it was).
  const owners =
    ctx.user.role === 'institute' ? relevant.filter((o) => o.owner === ctx.user.instituteId) : relevant;
  const carried = owners
    .flatMap((o) => o.documents)
    .map((d) => ({ ...d, matches: reasonMatches(d.matches ?? [], text) }))
    .sort((a, b) => b.score - a.score);
  const topAchievements = carried.filter((d) => isAchievement(d.id)).slice(0, query.top);
  const topExperts = carried.filter((d) => isExpert(d.id)).slice(0, 10);
  const ids = {
    achievements: new Set(carried.filter((d) => isAchievement(d.id)).map((d) => idOf(d.id))),
    experts: new Set(carried.filter((d) => isExpert(d.id)).map((d) => idOf(d.id))),
    institutes: owners.map((o) => o.owner),
  };
  return db.transaction(ctx.scope, async (tx) => {
    const rows = await readRecommendedRows(tx, needId, ids);
    return {
      needId,
      indexChangeId: changeId,
      institutes: owners.flatMap((o) => rankedInstitute(rows, o, text)),
      achievements: topAchievements
        .map((d) => recommendedAchievement(rows, d.id, d.score, 1, d.matches))
        .filter((x): x is RecommendedAchievement => x !== null),
      experts: topExperts
        .map((d) => recommendedExpert(rows, d.id, d.score, d.matches))
        .filter((x): x is RecommendedExpert => x !== null),
      weakInstitutes: ctx.user.role === 'institute' ? 0 : ranked.length - relevant.length,
      asked: query.top,
    };
  });
}

/** One ranked institute with the documents that carried it and what became of it (accepted, rejected). */
function rankedInstitute(rows: RecommendedRows, o: OwnerMatch, text: string): RecommendedInstitute[] {
  const institute = rows.instituteById.get(o.owner);
  if (!institute) return [];
  const pairingId = rows.pairingBy.get(o.owner) ?? null;
  const rejection = rows.rejectionBy.get(o.owner) ?? null;
  return [
    {
      instituteId: institute.id,
      name: institute.name,
      level: institute.level,
      city: institute.city,
      score: o.score,
      terms: o.terms ?? [],
      achievements: o.documents
        .filter((d) => isAchievement(d.id))
        .map((d) =>
          recommendedAchievement(rows, d.id, d.score, d.share, reasonMatches(d.matches ?? [], text)),
        )
        .filter((x): x is RecommendedAchievement => x !== null),
      experts: o.documents
        .filter((d) => isExpert(d.id))
        .map((d) => recommendedExpert(rows, d.id, d.score, reasonMatches(d.matches ?? [], text)))
        .filter((x): x is RecommendedExpert => x !== null),
      status: pairingId ? 'accepted' : rejection ? 'rejected' : 'open',
      pairingId,
      rejectionReason: rejection,
    },
  ];
}
