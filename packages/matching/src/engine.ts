import { createIndexState, deleteSlot, type IndexState, insertDocument } from './index/index-state.ts';
import { decodeIndex, encodeIndex } from './index/serialize.ts';
import {
  type AggregationParams,
  acceptEverySlot,
  aggregateOwners,
  createAggregationScratch,
  type OwnerScore,
  rankSlots,
} from './rank/aggregate.ts';
import {
  type Bm25fParams,
  createScratch,
  idf,
  scoreDocuments,
  termContribution,
  type WeightedTerm,
} from './rank/bm25f.ts';
import { createProfileScratch, type OwnerModelParams, scoreOwnerProfiles } from './rank/owner-model.ts';
import { normalizeText } from './text/normalize.ts';
import { createPhraseDictionary, type PhraseDictionary } from './text/phrase-dictionary.ts';
import { createTokenizer, type SegmentationMode } from './text/tokenizer.ts';

/** A field value: free text, or a list (keywords) whose items are tokenised one by one. */
export type FieldValue = string | readonly string[];

/**
 * One indexable document: an achievement, an expert profile, a paper or an enterprise need.
 * `owners` are the institutes (or enterprises) it speaks for; `tags` are opaque labels for
 * filtering, e.g. `kind:achievement`, `kind:need`, `region:330100`.
 */
export type MatchDocument = {
  id: string;
  owners: readonly string[];
  fields: Readonly<Record<string, FieldValue | undefined>>;
  tags?: readonly string[];
};

/**
 * How a field is indexed. `weight` scales its term frequencies in BM25F, `b` is its length
 * normalisation, `learnPhrases` makes its items (author keywords) entries of the learned dictionary.
 */
export type FieldOptions = { name: string; weight: number; b: number; learnPhrases?: boolean };

export type EngineOptions = {
  /** Indexed fields; a document's fields that are not listed here are ignored. */
  fields?: readonly FieldOptions[];
  /** BM25 saturation, default 1.2. */
  k1?: number;
  segmentation?: SegmentationMode;
  /** Learn multi-token keywords as dictionary phrases (default true). */
  learnPhrases?: boolean;
  aggregation?: Partial<AggregationParams>;
  /** Deployment synonym groups, e.g. [['大蒜素', '蒜素']]; each member expands to the others. */
  synonyms?: readonly (readonly string[])[];
  /**
   * Index Chinese character bigrams beside words; a query bigram weighs this much relative to a
   * query word (0 = no bigrams).
   */
  bigramWeight?: number;
  /** Query weight of a synonym relative to the word typed (default 0.5). */
  synonymWeight?: number;
  /**
   * Query terms found in more than this share of the documents (and in more than 1,000) are
   * skipped (default 0.2; 1 = keep all): stop words learned from the corpus. Neutral on quality on the dev split, but they own the
   * longest posting lists, so skipping them keeps large corpora fast.
   */
  maxDocumentShare?: number;
  /**
   * Fuse the owner-profile model into the owner ranking (default weight 0.4, k1 1.2; null = off). Its scores are scaled so that the best owner's profile score weighs `weight` × the best
   * document-evidence score, then added.
   */
  ownerModel?: (OwnerModelParams & { weight: number }) | null;
};

export type ResolvedOptions = {
  fields: FieldOptions[];
  k1: number;
  segmentation: SegmentationMode;
  learnPhrases: boolean;
  aggregation: AggregationParams;
  synonyms: string[][];
  synonymWeight: number;
  maxDocumentShare: number;
  bigramWeight: number;
  ownerModel: (OwnerModelParams & { weight: number }) | null;
};

export const DEFAULT_FIELDS: readonly FieldOptions[] = [
  { name: 'title', weight: 2, b: 0.5 },
  { name: 'keywords', weight: 2, b: 0.3, learnPhrases: true },
  { name: 'text', weight: 1, b: 0.75 },
];

/** Query terms are never skipped as corpus stop terms unless they occur in more documents than this. */
const MIN_SKIPPED_FREQUENCY = 1000;

const resolveOptions = (options: EngineOptions = {}): ResolvedOptions => ({
  fields: (options.fields ?? DEFAULT_FIELDS).map((field) => ({ ...field })),
  k1: options.k1 ?? 1.2,
  segmentation: options.segmentation ?? 'exact',
  learnPhrases: options.learnPhrases ?? true,
  aggregation: { topK: 10, decay: 0.7, depth: 2000, ...options.aggregation },
  synonyms: (options.synonyms ?? []).map((group) => [...group]),
  synonymWeight: options.synonymWeight ?? 0.5,
  maxDocumentShare: options.maxDocumentShare ?? 0.2,
  bigramWeight: options.bigramWeight ?? 0.6,
  ownerModel: options.ownerModel === undefined ? { weight: 0.4, k1: 1.2 } : options.ownerModel,
});

/**
 * Restricts which documents may count. All listed conditions must hold: the document carries
 * every tag in `tags`, at least one of `anyTags`, none of `excludeTags`. `owners` keeps only those
 * owners (a shared document still counts for them), `excludeOwners` drops owners.
 */
export type SearchFilters = {
  tags?: readonly string[];
  anyTags?: readonly string[];
  excludeTags?: readonly string[];
  owners?: readonly string[];
  excludeOwners?: readonly string[];
};

export type SearchOptions = {
  /** Number of results (default 10). */
  top?: number;
  filters?: SearchFilters;
  /** Attach per-document term matches (default false; costs a little per returned document). */
  explain?: boolean;
};

/** Text typed by a user, or an owner whose indexed documents form the query (reverse direction). */
export type MatchQuery = string | { owner: string; terms?: number };

/** One query term found in a document: in which fields, and its part of the document score. */
export type TermMatch = { term: string; fields: string[]; score: number };

export type DocumentMatch = {
  id: string;
  owners: string[];
  score: number;
  /** With `explain`: the query terms this document matched, best first. */
  matches?: TermMatch[];
};

export type OwnerDocument = DocumentMatch & {
  /** This document's part of the owner's score, in [0, 1]; with `profileShare` they sum to 1. */
  share: number;
};

export type OwnerMatch = {
  owner: string;
  score: number;
  /** The documents that carried the owner, best first. */
  documents: OwnerDocument[];
  /**
   * The part of the score from the owner-profile model (all its documents read as one); with the
   * documents' shares it sums to 1.
   */
  profileShare: number;
  /** With `explain`: every query term matched by any of those documents. */
  terms?: string[];
};

export type QueryTerm = {
  term: string;
  weight: number;
  source: 'query' | 'synonym' | 'profile';
};

export type OwnerSearchResult = { query: QueryTerm[]; owners: OwnerMatch[] };
export type DocumentSearchResult = { query: QueryTerm[]; documents: DocumentMatch[] };

export type MatchingEngine = {
  /** Adds one document; throws if its id is already indexed or it is malformed. */
  add: (doc: MatchDocument) => void;
  /**
   * Adds many documents. Their keywords are learned before any of them is tokenised, so every
   * document of the batch benefits from every phrase of the batch (the right way to build from scratch).
   */
  addMany: (docs: readonly MatchDocument[]) => void;
  /** Replaces the document with the same id (adds it when absent). */
  update: (doc: MatchDocument) => void;
  /** Removes a document; returns false when the id was not indexed. */
  remove: (id: string) => boolean;
  has: (id: string) => boolean;
  /** Number of indexed documents. */
  size: () => number;
  /** Ranks owners for a need (or, with `{ owner }`, for another owner's profile). */
  search: (query: MatchQuery, options?: SearchOptions) => OwnerSearchResult;
  /** Ranks documents; `searchDocuments({ owner }, { filters: { tags: ['kind:need'] } })` is the reverse direction. */
  searchDocuments: (query: MatchQuery, options?: SearchOptions) => DocumentSearchResult;
  /** The normalised terms a text is indexed and searched with (learned phrases included). */
  tokenize: (text: string) => string[];
  /** Bytes that `loadMatchingEngine` turns back into an engine giving identical results. */
  serialize: () => Uint8Array;
  /** The options in force (defaults filled in). */
  options: () => ResolvedOptions;
};

const fieldItems = (value: FieldValue | undefined): readonly string[] => {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
};

const validateDocument = (doc: MatchDocument): void => {
  if (!doc || typeof doc !== 'object') throw new TypeError('document must be an object');
  if (typeof doc.id !== 'string' || doc.id === '')
    throw new TypeError('document id must be a non-empty string');
  if (!Array.isArray(doc.owners) || doc.owners.some((owner) => typeof owner !== 'string' || owner === '')) {
    throw new TypeError(`document ${doc.id}: owners must be an array of non-empty strings`);
  }
  if (!doc.fields || typeof doc.fields !== 'object')
    throw new TypeError(`document ${doc.id}: fields missing`);
  for (const [name, value] of Object.entries(doc.fields)) {
    const isList = Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (value !== undefined && typeof value !== 'string' && !isList) {
      throw new TypeError(`document ${doc.id}: field ${name} must be a string or an array of strings`);
    }
  }
  if (
    doc.tags !== undefined &&
    (!Array.isArray(doc.tags) || doc.tags.some((tag) => typeof tag !== 'string'))
  ) {
    throw new TypeError(`document ${doc.id}: tags must be an array of strings`);
  }
};

const buildEngine = (
  options: ResolvedOptions,
  state: IndexState,
  phrases: PhraseDictionary,
): MatchingEngine => {
  const tokenizer = createTokenizer(options.segmentation);
  const scratch = createScratch();
  const aggregationScratch = createAggregationScratch();
  const profileScratch = createProfileScratch();
  const fieldNames = options.fields.map((field) => field.name);
  const bm25f: Bm25fParams = {
    k1: options.k1,
    weights: options.fields.map((field) => field.weight),
    b: options.fields.map((field) => field.b),
  };
  const synonymGroups = options.synonyms.map((group) =>
    group.map((member) => normalizeText(member).trim()).filter((member) => member.length > 0),
  );
  for (const group of synonymGroups) {
    for (const member of group) {
      const phrase = tokenizer.toPhrase(member);
      if (phrase) phrases.pin(phrase);
    }
  }

  const phrasesOf = (doc: MatchDocument): string[] => {
    if (!options.learnPhrases) return [];
    const learned: string[] = [];
    for (const field of options.fields) {
      if (!field.learnPhrases) continue;
      for (const item of fieldItems(doc.fields[field.name])) {
        const phrase = tokenizer.toPhrase(item);
        if (phrase) learned.push(phrase);
      }
    }
    return learned;
  };

  const indexDocument = (doc: MatchDocument, learned: string[]) => {
    const fieldTokens = options.fields.map((field) =>
      fieldItems(doc.fields[field.name]).flatMap((item) =>
        options.bigramWeight > 0
          ? [...tokenizer.tokenize(item, phrases), ...tokenizer.bigrams(item)]
          : tokenizer.tokenize(item, phrases),
      ),
    );
    insertDocument(state, {
      id: doc.id,
      owners: doc.owners,
      tags: doc.tags ?? [],
      phrases: learned,
      fieldTokens,
    });
  };

  const add = (doc: MatchDocument) => {
    validateDocument(doc);
    if (state.slotById.has(doc.id)) throw new Error(`document ${doc.id} is already indexed; use update`);
    const learned = phrasesOf(doc);
    for (const phrase of learned) phrases.learn(phrase);
    indexDocument(doc, learned);
  };

  const remove = (id: string) => {
    const slot = state.slotById.get(id);
    if (slot === undefined) return false;
    for (const phrase of state.slotPhrases[slot] ?? []) phrases.forget(phrase);
    deleteSlot(state, slot);
    return true;
  };

  const weighTerms = (terms: Map<string, number>): WeightedTerm[] => {
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
  const parseText = (text: string): QueryTerm[] => {
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
   * An owner's profile as a query: the terms of all its documents weighted by field weight × tf ×
   * idf, the strongest `limit` kept. The same scorer then ranks documents against it.
   */
  const profileTerms = (owner: string, limit: number): QueryTerm[] => {
    const ownerId = state.ownerIds.get(owner);
    if (ownerId === undefined) return [];
    const weights = new Map<number, number>();
    state.slotOwners.forEach((owners, slot) => {
      if (!owners.includes(ownerId)) return;
      const forward = state.slotTerms[slot] ?? [];
      for (let i = 0; i < forward.length; i += 2) {
        const packed = forward[i + 1] as number;
        const value = (bm25f.weights[packed >>> 16] ?? 0) * (packed & 0xffff);
        weights.set(forward[i] as number, (weights.get(forward[i] as number) ?? 0) + value);
      }
    });
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

  const makeSlotFilter = (filters: SearchFilters | undefined) => {
    if (!filters || (!filters.tags && !filters.anyTags?.length && !filters.excludeTags?.length)) {
      return acceptEverySlot;
    }
    const { tags, anyTags, excludeTags } = filters;
    return (slot: number) => {
      const slotTags = state.slotTags[slot] ?? [];
      if (tags && !tags.every((tag) => slotTags.includes(tag))) return false;
      if (anyTags && anyTags.length > 0 && !anyTags.some((tag) => slotTags.includes(tag))) return false;
      if (excludeTags?.some((tag) => slotTags.includes(tag))) return false;
      return true;
    };
  };

  const makeOwnerFilter = (filters: SearchFilters | undefined) => {
    const only = filters?.owners
      ? new Set(filters.owners.map((owner) => state.ownerIds.get(owner) ?? -1))
      : null;
    const excluded = new Set((filters?.excludeOwners ?? []).map((owner) => state.ownerIds.get(owner) ?? -1));
    return (owner: number) => (only === null || only.has(owner)) && !excluded.has(owner);
  };

  const run = (query: MatchQuery, filters: SearchFilters | undefined) => {
    const acceptSlot = makeSlotFilter(filters);
    let terms: QueryTerm[];
    let ownFilters = filters;
    if (typeof query === 'string') {
      terms = parseText(query);
    } else {
      terms = profileTerms(query.owner, query.terms ?? 40);
      // An owner is not matched against itself.
      ownFilters = { ...filters, excludeOwners: [...(filters?.excludeOwners ?? []), query.owner] };
    }
    const toWeighted = (list: QueryTerm[]) =>
      weighTerms(new Map(list.map(({ term, weight }) => [term, weight])));
    const weighted = toWeighted(terms);
    const scored = scoreDocuments(state, weighted, bm25f, scratch);
    return { terms, weighted, scored, acceptSlot, filters: ownFilters };
  };

  const explainSlot = (slot: number, terms: QueryTerm[]): TermMatch[] => {
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

  const slotOwnerNames = (slot: number) =>
    (state.slotOwners[slot] ?? []).map((owner) => state.ownerNames[owner] ?? '');

  return {
    add,
    addMany: (docs) => {
      const seen = new Set<string>();
      for (const doc of docs) {
        validateDocument(doc);
        if (state.slotById.has(doc.id) || seen.has(doc.id))
          throw new Error(`document ${doc.id} is indexed twice`);
        seen.add(doc.id);
      }
      const learned = docs.map(phrasesOf);
      for (const list of learned) for (const phrase of list) phrases.learn(phrase);
      docs.forEach((doc, index) => {
        indexDocument(doc, learned[index] ?? []);
      });
    },
    update: (doc) => {
      validateDocument(doc);
      remove(doc.id);
      add(doc);
    },
    remove,
    has: (id) => state.slotById.has(id),
    size: () => state.liveCount,
    search: (query, searchOptions = {}) => {
      const top = searchOptions.top ?? 10;
      const { terms, weighted, scored, acceptSlot, filters } = run(query, searchOptions.filters);
      const acceptOwner = makeOwnerFilter(filters);
      // With owner filters, the rerank depth must be spent on documents of the accepted owners.
      const acceptOwnedSlot =
        filters?.owners || filters?.excludeOwners?.length
          ? (slot: number) => acceptSlot(slot) && (state.slotOwners[slot] ?? []).some(acceptOwner)
          : acceptSlot;
      const ownerModel = options.ownerModel;
      let ranked: Array<OwnerScore & { profileScore?: number }> = aggregateOwners(
        state,
        scored,
        options.aggregation,
        ownerModel ? Math.max(top, 100) : top,
        acceptOwnedSlot,
        acceptOwner,
        aggregationScratch,
      );
      if (ownerModel && ranked.length > 0) {
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
        ranked = ranked
          .map((entry) => ({
            ...entry,
            profileScore: scale * (profile.get(entry.owner) ?? 0),
            score: entry.score + scale * (profile.get(entry.owner) ?? 0),
          }))
          .sort(
            (a, b) =>
              b.score - a.score ||
              ((state.ownerNames[a.owner] ?? '') < (state.ownerNames[b.owner] ?? '') ? -1 : 1),
          )
          .slice(0, top);
      }
      const owners = ranked.map(({ owner, score, slots, slotScores, profileScore = 0 }): OwnerMatch => {
        const parts = slotScores.map((value, index) => value * options.aggregation.decay ** index);
        const documentPart = parts.reduce((sum, part) => sum + part, 0);
        // Shares of the whole score: the documents' parts plus the profile part.
        const total = documentPart + profileScore;
        const documents = slots.map((slot, index): OwnerDocument => {
          const doc: OwnerDocument = {
            id: state.slotIds[slot] ?? '',
            owners: slotOwnerNames(slot),
            score: slotScores[index] ?? 0,
            share: total > 0 ? (parts[index] ?? 0) / total : 0,
          };
          if (searchOptions.explain) doc.matches = explainSlot(slot, terms);
          return doc;
        });
        const match: OwnerMatch = {
          owner: state.ownerNames[owner] ?? '',
          score,
          documents,
          profileShare: total > 0 ? profileScore / total : 0,
        };
        if (searchOptions.explain) {
          match.terms = [...new Set(documents.flatMap((doc) => (doc.matches ?? []).map(({ term }) => term)))];
        }
        return match;
      });
      return { query: terms, owners };
    },
    searchDocuments: (query, searchOptions = {}) => {
      const top = searchOptions.top ?? 10;
      const { terms, scored, acceptSlot, filters } = run(query, searchOptions.filters);
      const acceptOwner = makeOwnerFilter(filters);
      const accept = (slot: number) =>
        acceptSlot(slot) && (state.slotOwners[slot] ?? []).some((owner) => acceptOwner(owner));
      const documents = rankSlots(state, scored, top, accept, aggregationScratch).map(
        ({ slot, score }): DocumentMatch => {
          const doc: DocumentMatch = { id: state.slotIds[slot] ?? '', owners: slotOwnerNames(slot), score };
          if (searchOptions.explain) doc.matches = explainSlot(slot, terms);
          return doc;
        },
      );
      return { query: terms, documents };
    },
    tokenize: (text) => tokenizer.tokenize(text, phrases),
    serialize: () => encodeIndex(state, options, phrases.entries()),
    options: () => structuredClone(options),
  };
};

/** Creates an empty engine. Tokenisation uses jieba's general dictionary plus what it learns. */
export const createMatchingEngine = (engineOptions?: EngineOptions): MatchingEngine => {
  const options = resolveOptions(engineOptions);
  return buildEngine(options, createIndexState(options.fields.length), createPhraseDictionary());
};

/** Restores an engine from `serialize()` bytes; results are identical to the engine that wrote them. */
export const loadMatchingEngine = (bytes: Uint8Array): MatchingEngine => {
  const decoded = decodeIndex<ResolvedOptions>(bytes, (options) => options.fields.length);
  const phrases = createPhraseDictionary();
  for (const [phrase, count] of decoded.phrases) for (let i = 0; i < count; i++) phrases.learn(phrase);
  return buildEngine(decoded.options, decoded.state, phrases);
};
