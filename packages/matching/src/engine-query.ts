import type { MatchQuery, QueryTerm, ResolvedOptions, SearchFilters, TermMatch } from './engine-types.ts';
import type { IndexState } from './index/index-state.ts';
import type { Calibration } from './learn/calibration.ts';
import { acceptEverySlot, type createAggregationScratch } from './rank/aggregate.ts';
import {
  type Bm25fParams,
  type createScratch,
  idf,
  scoreDocuments,
  termContribution,
  type WeightedTerm,
} from './rank/bm25f.ts';
import type { createProfileScratch } from './rank/owner-model.ts';
import { normalizeText } from './text/normalize.ts';
import type { PhraseDictionary } from './text/phrase-dictionary.ts';
import type { createTokenizer } from './text/tokenizer.ts';

/** Query terms are never skipped as corpus stop terms unless they occur in more documents than this. */
const MIN_SKIPPED_FREQUENCY = 1000;

/** What one engine's operations share: its options, index, phrases, tokenizer and reusable scratch. */
export type EngineContext = {
  options: ResolvedOptions;
  state: IndexState;
  phrases: PhraseDictionary;
  tokenizer: ReturnType<typeof createTokenizer>;
  bm25f: Bm25fParams;
  fieldNames: string[];
  /** Synonym groups, normalised, empty members dropped. */
  synonymGroups: string[][];
  scratch: ReturnType<typeof createScratch>;
  aggregationScratch: ReturnType<typeof createAggregationScratch>;
  profileScratch: ReturnType<typeof createProfileScratch>;
  /** The learned parts and the change counter their staleness is measured against. */
  learned: { calibration: Calibration | null; changes: number };
};

const weighTerms = ({ options, state }: EngineContext, terms: Map<string, number>): WeightedTerm[] => {
  const weighted: WeightedTerm[] = [];
  // Only long lists are skipped: in a small corpus every term is "frequent" and all are needed.
  const maxFrequency = Math.max(options.maxDocumentShare * state.liveCount, MIN_SKIPPED_FREQUENCY);
  for (const [term, weight] of terms) {
    const termId = state.termIds.get(term);
    if (termId === undefined) continue;
    const frequency = state.documentFrequency[termId] ?? 0;
    if (frequency > 0 && frequency <= maxFrequency) weighted.push({ termId, weight });
  }
  return weighted;
};

/** Query text → term weights (query-term frequency), with synonym expansion. */
export const parseText = (
  { options, tokenizer, phrases, synonymGroups }: EngineContext,
  text: string,
): QueryTerm[] => {
  const weights = new Map<string, number>();
  for (const term of tokenizer.tokenize(text, phrases)) weights.set(term, (weights.get(term) ?? 0) + 1);
  if (options.bigramWeight > 0) {
    for (const gram of tokenizer.bigrams(text)) {
      weights.set(gram, (weights.get(gram) ?? 0) + options.bigramWeight);
    }
  }
  const terms: QueryTerm[] = [...weights].map(([term, weight]) => ({ term, weight, source: 'query' }));
  if (synonymGroups.length > 0) {
    const normalized = normalizeText(text);
    for (const group of synonymGroups) {
      if (!group.some((member) => normalized.includes(member))) continue;
      for (const member of group) {
        if (normalized.includes(member)) continue;
        for (const term of tokenizer.tokenize(member, phrases)) {
          if (weights.has(term)) continue;
          weights.set(term, options.synonymWeight);
          terms.push({ term, weight: options.synonymWeight, source: 'synonym' });
        }
      }
    }
  }
  return terms;
};

/**
 * A profile as a query: the terms of the chosen documents (an owner's, or one) weighted by field
 * weight × tf × idf, the strongest `limit` kept. The same scorer then ranks documents against it.
 */
const profileTerms = ({ state, bm25f }: EngineContext, slots: number[], limit: number): QueryTerm[] => {
  const weights = new Map<number, number>();
  for (const slot of slots) {
    const forward = state.slotTerms[slot] ?? [];
    for (let i = 0; i < forward.length; i += 2) {
      const packed = forward[i + 1] as number;
      const value = (bm25f.weights[packed >>> 16] ?? 0) * (packed & 0xffff);
      weights.set(forward[i] as number, (weights.get(forward[i] as number) ?? 0) + value);
    }
  }
  const ranked = [...weights]
    .map(([termId, weight]) => ({
      termId,
      weight: Math.log(1 + weight) * idf(state.liveCount, state.documentFrequency[termId] ?? 0),
    }))
    .sort(
      (a, b) =>
        b.weight - a.weight || ((state.terms[a.termId] ?? '') < (state.terms[b.termId] ?? '') ? -1 : 1),
    )
    .slice(0, limit);
  const top = ranked[0]?.weight ?? 1;
  return ranked.map(({ termId, weight }) => ({
    term: state.terms[termId] ?? '',
    weight: weight / top,
    source: 'profile',
  }));
};

const makeSlotFilter = ({ state }: EngineContext, filters: SearchFilters | undefined) => {
  if (
    !filters ||
    (!filters.tags &&
      !filters.anyTags?.length &&
      !filters.excludeTags?.length &&
      !filters.excludeDocuments?.length)
  ) {
    return acceptEverySlot;
  }
  const { tags, anyTags, excludeTags } = filters;
  const excludedSlots = new Set((filters.excludeDocuments ?? []).map((id) => state.slotById.get(id) ?? -1));
  return (slot: number) => {
    if (excludedSlots.has(slot)) return false;
    const slotTags = state.slotTags[slot] ?? [];
    if (tags && !tags.every((tag) => slotTags.includes(tag))) return false;
    if (anyTags && anyTags.length > 0 && !anyTags.some((tag) => slotTags.includes(tag))) return false;
    if (excludeTags?.some((tag) => slotTags.includes(tag))) return false;
    return true;
  };
};

/** Which owners may be answered: only `owners` when given, never `excludeOwners`. */
export const makeOwnerFilter = ({ state }: EngineContext, filters: SearchFilters | undefined) => {
  const only = filters?.owners
    ? new Set(filters.owners.map((owner) => state.ownerIds.get(owner) ?? -1))
    : null;
  const excluded = new Set((filters?.excludeOwners ?? []).map((owner) => state.ownerIds.get(owner) ?? -1));
  return (owner: number) => (only === null || only.has(owner)) && !excluded.has(owner);
};

/** A query (text, an owner's profile or one document's) parsed, weighed and scored against every document. */
export const runQuery = (c: EngineContext, query: MatchQuery, filters: SearchFilters | undefined) => {
  let terms: QueryTerm[];
  let ownFilters = filters;
  if (typeof query === 'string') {
    terms = parseText(c, query);
  } else if ('document' in query) {
    const wanted = c.state.slotById.get(query.document);
    terms = wanted === undefined ? [] : profileTerms(c, [wanted], query.terms ?? 40);
    // A document is not matched against itself.
    ownFilters = { ...filters, excludeDocuments: [...(filters?.excludeDocuments ?? []), query.document] };
  } else {
    const ownerId = c.state.ownerIds.get(query.owner);
    const slots: number[] = [];
    c.state.slotOwners.forEach((owners, slot) => {
      if (ownerId !== undefined && owners.includes(ownerId)) slots.push(slot);
    });
    terms = profileTerms(c, slots, query.terms ?? 40);
    // An owner is not matched against itself.
    ownFilters = { ...filters, excludeOwners: [...(filters?.excludeOwners ?? []), query.owner] };
  }
  const weighted = weighTerms(c, new Map(terms.map(({ term, weight }) => [term, weight])));
  return runWeighted(c, terms, weighted, ownFilters);
};

/** Scores already weighed terms (the calibration's leave-one-out queries come this way). */
export const runWeighted = (
  c: EngineContext,
  terms: QueryTerm[],
  weighted: WeightedTerm[],
  filters: SearchFilters | undefined,
  acceptSlot = makeSlotFilter(c, filters),
) => {
  const scored = scoreDocuments(c.state, weighted, c.bm25f, c.scratch);
  return { terms, weighted, scored, acceptSlot, filters };
};

export type PreparedQuery = ReturnType<typeof runWeighted>;

/** Which query terms a document matched, in which fields, with what score. */
export const explainSlot = (
  { state, bm25f, fieldNames }: EngineContext,
  slot: number,
  terms: QueryTerm[],
): TermMatch[] => {
  const matches: TermMatch[] = [];
  for (const { term, weight } of terms) {
    const termId = state.termIds.get(term);
    if (termId === undefined) continue;
    const contribution = termContribution(state, slot, { termId, weight }, bm25f);
    if (!contribution) continue;
    matches.push({
      term,
      fields: fieldNames.filter((_, field) => (contribution.fieldScores[field] ?? 0) > 0),
      score: contribution.score,
    });
  }
  return matches.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
};

/** The names of a document's owners. */
export const slotOwnerNames = ({ state }: EngineContext, slot: number) =>
  (state.slotOwners[slot] ?? []).map((owner) => state.ownerNames[owner] ?? '');
