import type {
  MatchedTerm,
  RecommendationQuery,
  RecommendedAchievement,
  RecommendedExpert,
} from '@gaodi/contracts';
import type { SearchFilters, TermMatch } from '@gaodi/matching';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { experts, institutes } from '../directory/index.ts';
import { matchTags } from './match-documents.ts';
import { achievements, needPairings, recommendationRejections } from './matchmaking.table.ts';

export type RecQuery = z.output<typeof RecommendationQuery>;

/** `achievement:<uuid>` → `<uuid>`. */
export const idOf = (docId: string) => docId.slice(docId.indexOf(':') + 1);
export const toTerms = (matches: readonly TermMatch[] | undefined): MatchedTerm[] =>
  (matches ?? []).map((m) => ({ term: m.term, fields: m.fields, score: m.score }));

/** Filters for the institute side: the user's regions, plus the query's narrowing. */
export function partyFilters(ctx: UserContext, query: RecQuery): SearchFilters {
  const tags: string[] = [];
  if (query.industryId) tags.push(matchTags.industry(query.industryId));
  if (query.city) tags.push(matchTags.city(query.city));
  if (query.level) tags.push(matchTags.level(query.level));
  const excludeTags: string[] = [];
  // Maturity: achievements below the minimum TRL drop out (experts carry no TRL and stay).
  if (query.minTrl) for (let t = 1; t < query.minTrl; t++) excludeTags.push(matchTags.trl(t));
  return { tags, anyTags: ctx.user.visibleRegions.map(matchTags.party), excludeTags };
}

/**
 * The rows behind the index's ids, read through the user's transaction (row-level security
 * decides what is shown, never the index), with the need's pairings and rejections.
 */
export async function readRecommendedRows(
  tx: Tx,
  needId: string,
  ids: { achievements: Set<string>; experts: Set<string>; institutes: readonly string[] },
) {
  const achievementRows = ids.achievements.size
    ? await tx
        .select({
          id: achievements.id,
          title: achievements.title,
          abstract: achievements.abstract,
          keywords: achievements.keywords,
          trl: achievements.trl,
          instituteId: achievements.instituteId,
        })
        .from(achievements)
        .where(and(inArray(achievements.id, [...ids.achievements]), isNull(achievements.deletedAt)))
    : [];
  const expertRows = ids.experts.size
    ? await tx
        .select({
          id: experts.id,
          name: experts.name,
          title: experts.title,
          field: experts.field,
          instituteId: experts.instituteId,
        })
        .from(experts)
        .where(and(inArray(experts.id, [...ids.experts]), isNull(experts.deletedAt)))
    : [];
  const allInstitutes = new Set([
    ...ids.institutes,
    ...achievementRows.map((r) => r.instituteId),
    ...expertRows.map((r) => r.instituteId),
  ]);
  const instituteRows = allInstitutes.size
    ? await tx
        .select({ id: institutes.id, name: institutes.name, level: institutes.level, city: institutes.city })
        .from(institutes)
        .where(and(inArray(institutes.id, [...allInstitutes]), isNull(institutes.deletedAt)))
    : [];
  const pairings = await tx
    .select({ id: needPairings.id, instituteId: needPairings.instituteId })
    .from(needPairings)
    .where(eq(needPairings.needId, needId));
  const rejections = await tx
    .select({ instituteId: recommendationRejections.instituteId, reason: recommendationRejections.reason })
    .from(recommendationRejections)
    .where(eq(recommendationRejections.needId, needId));
  return {
    instituteById: new Map(instituteRows.map((r) => [r.id, r])),
    achievementById: new Map(achievementRows.map((r) => [r.id, r])),
    expertById: new Map(expertRows.map((r) => [r.id, r])),
    pairingBy: new Map(pairings.map((p) => [p.instituteId, p.id])),
    rejectionBy: new Map(rejections.map((r) => [r.instituteId, r.reason])),
  };
}
export type RecommendedRows = Awaited<ReturnType<typeof readRecommendedRows>>;

export function recommendedAchievement(
  rows: RecommendedRows,
  docId: string,
  score: number,
  share: number,
  matches?: TermMatch[],
): RecommendedAchievement | null {
  const a = rows.achievementById.get(idOf(docId));
  const institute = a ? rows.instituteById.get(a.instituteId) : undefined;
  if (!a || !institute) return null;
  return {
    id: a.id,
    title: a.title,
    abstract: a.abstract,
    keywords: a.keywords,
    trl: a.trl,
    instituteId: a.instituteId,
    instituteName: institute.name,
    score,
    share,
    matches: toTerms(matches),
  };
}

export function recommendedExpert(
  rows: RecommendedRows,
  docId: string,
  score: number,
  matches?: TermMatch[],
): RecommendedExpert | null {
  const e = rows.expertById.get(idOf(docId));
  const institute = e ? rows.instituteById.get(e.instituteId) : undefined;
  if (!e || !institute) return null;
  return {
    id: e.id,
    name: e.name,
    title: e.title,
    field: e.field,
    instituteId: e.instituteId,
    instituteName: institute.name,
    score,
    matches: toTerms(matches),
  };
}
