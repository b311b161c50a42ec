import {
  type EngineContext,
  explainSlot,
  makeOwnerFilter,
  type PreparedQuery,
  runQuery,
  slotOwnerNames,
} from './engine-query.ts';
import type {
  DocumentMatch,
  DocumentSearchResult,
  MatchQuery,
  OwnerDocument,
  OwnerMatch,
  OwnerSearchResult,
  QueryTerm,
  SearchOptions,
} from './engine-types.ts';
import { reasonsOf } from './explain/reasons.ts';
import { confidenceFeatures, confidenceOf, queryMass } from './learn/calibration.ts';
import { aggregateOwners, type OwnerScore, rankSlots } from './rank/aggregate.ts';
import type { WeightedTerm } from './rank/bm25f.ts';
import { feedbackFactor } from './rank/feedback.ts';
import { scoreOwnerProfiles } from './rank/owner-model.ts';

type RankedOwner = OwnerScore & { profileScore?: number; confidence?: number };

/** Owners ranked by their best documents, then (with an owner model) re-ranked with their profiles. */
export const searchOwners = (
  c: EngineContext,
  query: MatchQuery,
  searchOptions: SearchOptions = {},
): OwnerSearchResult => {
  const prepared = runQuery(c, query, searchOptions.filters);
  const ranked = rankOwners(c, prepared, searchOptions);
  const explain = searchOptions.explain ?? false;
  const owners = ranked.map((entry) => ownerMatch(c, entry, prepared.terms, explain));
  return { query: prepared.terms, owners };
};

/**
 * The ranking itself: documents aggregated per owner, profiles fused, the office's feedback
 * applied, then the top owners with their calibrated confidence (and the confidence floor).
 */
export const rankOwners = (
  c: EngineContext,
  { terms, weighted, scored, acceptSlot, filters }: PreparedQuery,
  searchOptions: SearchOptions,
): RankedOwner[] => {
  const { state, options } = c;
  const top = searchOptions.top ?? 10;
  const acceptOwner = makeOwnerFilter(c, filters);
  // With owner filters, the rerank depth must be spent on documents of the accepted owners.
  const acceptOwnedSlot =
    filters?.owners || filters?.excludeOwners?.length
      ? (slot: number) => acceptSlot(slot) && (state.slotOwners[slot] ?? []).some(acceptOwner)
      : acceptSlot;
  const ranked: RankedOwner[] = aggregateOwners(
    state,
    scored,
    options.aggregation,
    options.ownerModel || searchOptions.feedback ? Math.max(top, 100) : top,
    acceptOwnedSlot,
    acceptOwner,
    c.aggregationScratch,
  );
  let reranked = options.ownerModel && ranked.length > 0 ? rerankWithProfiles(c, ranked, weighted) : ranked;
  if (searchOptions.feedback) reranked = applyFeedback(c, reranked, terms, searchOptions);
  const kept = reranked.slice(0, top);
  const calibration = c.learned.calibration;
  if (!calibration) return kept;
  const topScore = kept[0]?.score ?? 0;
  const mass = queryMass(state, weighted);
  const floor = searchOptions.minConfidence ?? 0;
  return kept
    .map((entry, rank) => ({
      ...entry,
      confidence: confidenceOf(calibration, confidenceFeatures(entry.score, topScore, mass, rank)),
    }))
    .filter((entry) => entry.confidence >= floor);
};

const byScore =
  ({ state }: EngineContext) =>
  (a: RankedOwner, b: RankedOwner) =>
    b.score - a.score || ((state.ownerNames[a.owner] ?? '') < (state.ownerNames[b.owner] ?? '') ? -1 : 1);

/** Each candidate's score times its feedback factor (whole query words only, no bigrams). */
const applyFeedback = (
  c: EngineContext,
  ranked: RankedOwner[],
  terms: QueryTerm[],
  { feedback }: SearchOptions,
): RankedOwner[] => {
  if (!feedback || feedback.events === 0) return ranked;
  const words = terms.filter((t) => t.source === 'query' && !t.term.startsWith('#')).map((t) => t.term);
  return ranked
    .map((entry) => ({
      ...entry,
      score: entry.score * feedbackFactor(feedback, c.state.ownerNames[entry.owner] ?? '', words),
    }))
    .sort(byScore(c));
};

/** Adds each candidate's profile score, scaled so the best profile weighs `ownerModel.weight` of the best document. */
const rerankWithProfiles = (
  c: EngineContext,
  ranked: RankedOwner[],
  weighted: WeightedTerm[],
): RankedOwner[] => {
  const { state, options, bm25f, aggregationScratch, profileScratch } = c;
  const ownerModel = options.ownerModel;
  if (!ownerModel) return ranked;
  // The profile reads the candidate documents, which the filters have already passed.
  const profile = scoreOwnerProfiles(
    state,
    aggregationScratch.candidates.subarray(0, aggregationScratch.candidateCount),
    weighted,
    bm25f,
    ownerModel,
    profileScratch,
  );
  const maxDocument = ranked[0]?.score ?? 1;
  let maxProfile = 0;
  for (const { owner } of ranked) maxProfile = Math.max(maxProfile, profile.get(owner) ?? 0);
  const scale = maxProfile > 0 ? (ownerModel.weight * maxDocument) / maxProfile : 0;
  return ranked
    .map((entry) => ({
      ...entry,
      profileScore: scale * (profile.get(entry.owner) ?? 0),
      score: entry.score + scale * (profile.get(entry.owner) ?? 0),
    }))
    .sort(byScore(c));
};

/** An owner's answer: its documents with their shares of the score, explained when asked. */
const ownerMatch = (
  c: EngineContext,
  { owner, score, slots, slotScores, profileScore = 0, confidence }: RankedOwner,
  terms: QueryTerm[],
  explain: boolean,
): OwnerMatch => {
  const { state, options } = c;
  const parts = slotScores.map((value, index) => value * options.aggregation.decay ** index);
  const documentPart = parts.reduce((sum, part) => sum + part, 0);
  // Shares of the whole score: the documents' parts plus the profile part.
  const total = documentPart + profileScore;
  const documents = slots.map((slot, index): OwnerDocument => {
    const doc: OwnerDocument = {
      id: state.slotIds[slot] ?? '',
      owners: slotOwnerNames(c, slot),
      score: slotScores[index] ?? 0,
      share: total > 0 ? (parts[index] ?? 0) / total : 0,
    };
    if (explain) explainDocument(c, doc, slot, terms);
    return doc;
  });
  const match: OwnerMatch = {
    owner: state.ownerNames[owner] ?? '',
    score,
    documents,
    profileShare: total > 0 ? profileScore / total : 0,
  };
  if (confidence !== undefined) match.confidence = confidence;
  if (explain) {
    match.terms = [...new Set(documents.flatMap((doc) => (doc.matches ?? []).map(({ term }) => term)))];
    match.reasons = reasonsOf(
      state,
      documents.flatMap((doc) =>
        (doc.matches ?? []).map(({ term, score: s }) => ({ term, score: s * doc.share })),
      ),
    );
  }
  return match;
};

/** Documents ranked by their own score (no aggregation per owner). */
export const searchDocuments = (
  c: EngineContext,
  query: MatchQuery,
  searchOptions: SearchOptions = {},
): DocumentSearchResult => {
  const top = searchOptions.top ?? 10;
  const { terms, scored, acceptSlot, filters } = runQuery(c, query, searchOptions.filters);
  const acceptOwner = makeOwnerFilter(c, filters);
  const accept = (slot: number) =>
    acceptSlot(slot) && (c.state.slotOwners[slot] ?? []).some((owner) => acceptOwner(owner));
  const documents = rankSlots(c.state, scored, top, accept, c.aggregationScratch).map(
    ({ slot, score }): DocumentMatch => {
      const doc: DocumentMatch = { id: c.state.slotIds[slot] ?? '', owners: slotOwnerNames(c, slot), score };
      if (searchOptions.explain) explainDocument(c, doc, slot, terms);
      return doc;
    },
  );
  return { query: terms, documents };
};

const explainDocument = (c: EngineContext, doc: DocumentMatch, slot: number, terms: QueryTerm[]) => {
  doc.matches = explainSlot(c, slot, terms);
  doc.reasons = reasonsOf(c.state, doc.matches);
};
