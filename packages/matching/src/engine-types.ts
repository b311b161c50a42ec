import type { AggregationParams } from './rank/aggregate.ts';
import type { FeedbackModel } from './rank/feedback.ts';
import type { OwnerModelParams } from './rank/owner-model.ts';
import type { SegmentationMode } from './text/tokenizer.ts';

// The engine's public shapes: documents, options (with their defaults), queries and results.

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

/** The options with every default filled in. */
export const resolveOptions = (options: EngineOptions = {}): ResolvedOptions => ({
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
  /** Documents that must not count (e.g. the need's own document). */
  excludeDocuments?: readonly string[];
};

export type SearchOptions = {
  /** Number of results (default 10). */
  top?: number;
  filters?: SearchFilters;
  /** Attach per-document term matches (default false; costs a little per returned document). */
  explain?: boolean;
  /** Re-rank with the office's earlier decisions for this region (`createFeedbackModel`). */
  feedback?: FeedbackModel;
  /**
   * Drop owners whose calibrated confidence is below this (when the engine is calibrated), so a
   * list can stop at the good matches instead of padding to `top`.
   */
  minConfidence?: number;
};

/**
 * Text typed by a user, an owner whose indexed documents form the query (reverse direction), or
 * one indexed document (an achievement looking for the needs it answers).
 */
export type MatchQuery = string | { owner: string; terms?: number } | { document: string; terms?: number };

/** One query term found in a document: in which fields, and its part of the document score. */
export type TermMatch = { term: string; fields: string[]; score: number };

export type DocumentMatch = {
  id: string;
  owners: string[];
  score: number;
  /** With `explain`: the query terms this document matched, best first. */
  matches?: TermMatch[];
  /**
   * With `explain`: whole words or phrases found in both the query and this document, for
   * people: no character-bigram fragments, function words or generic words (提升, 实现, 开发).
   */
  reasons?: string[];
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
  /** With `explain`: the readable reasons of its documents (see DocumentMatch.reasons), strongest first. */
  reasons?: string[];
  /**
   * Calibrated probability that this owner is a right answer (learned at index time from the
   * corpus, see `learn()`); absent while the engine has not learned its calibration.
   */
  confidence?: number;
};

/** How fresh the learned parts are: documents added, updated or removed since they were learned. */
export type LearnedStatus = {
  calibrated: boolean;
  /** live documents when last learned (0 = never) */
  documents: number;
  /** changes since then */
  changesSince: number;
  /** true when the changes exceed 10% of the documents learned from (or it never learned) */
  stale: boolean;
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
  /**
   * (Re)learns the learned parts from the indexed documents (the confidence calibration: a few
   * hundred leave-one-out searches, about a second on 9,000 documents). `addMany` calls it for
   * batches of 200 documents or more; after single updates, call it when idle (see `learned()`).
   */
  learn: () => LearnedStatus;
  /** Whether the learned parts exist and how many changes they lag behind. */
  learned: () => LearnedStatus;
};
