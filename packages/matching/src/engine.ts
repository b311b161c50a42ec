import { fieldItems, validateDocument } from './engine-documents.ts';
import { learnedStatus, learnParts } from './engine-learn.ts';
import type { EngineContext } from './engine-query.ts';
import { searchDocuments, searchOwners } from './engine-search.ts';
import {
  type EngineOptions,
  type MatchDocument,
  type MatchingEngine,
  type ResolvedOptions,
  resolveOptions,
} from './engine-types.ts';
import { createIndexState, deleteSlot, type IndexState, insertDocument } from './index/index-state.ts';
import { decodeIndex, encodeIndex } from './index/serialize.ts';
import type { Calibration } from './learn/calibration.ts';
import { createAggregationScratch } from './rank/aggregate.ts';
import { createScratch } from './rank/bm25f.ts';
import { createProfileScratch } from './rank/owner-model.ts';
import { normalizeText } from './text/normalize.ts';
import { createPhraseDictionary, type PhraseDictionary } from './text/phrase-dictionary.ts';
import { createTokenizer } from './text/tokenizer.ts';

export {
  DEFAULT_FIELDS,
  type DocumentMatch,
  type DocumentSearchResult,
  type EngineOptions,
  type FieldOptions,
  type FieldValue,
  type LearnedStatus,
  type MatchDocument,
  type MatchingEngine,
  type MatchQuery,
  type OwnerDocument,
  type OwnerMatch,
  type OwnerSearchResult,
  type QueryTerm,
  type ResolvedOptions,
  type SearchFilters,
  type SearchOptions,
  type TermMatch,
} from './engine-types.ts';

/** The shared state of one engine; synonyms' phrases are pinned in the dictionary once, here. */
const createContext = (
  options: ResolvedOptions,
  state: IndexState,
  phrases: PhraseDictionary,
  calibration: Calibration | null,
): EngineContext => {
  const tokenizer = createTokenizer(options.segmentation);
  const synonymGroups = options.synonyms.map((group) =>
    group.map((member) => normalizeText(member).trim()).filter((member) => member.length > 0),
  );
  for (const group of synonymGroups) {
    for (const member of group) {
      const phrase = tokenizer.toPhrase(member);
      if (phrase) phrases.pin(phrase);
    }
  }
  return {
    options,
    state,
    phrases,
    tokenizer,
    bm25f: {
      k1: options.k1,
      weights: options.fields.map((field) => field.weight),
      b: options.fields.map((field) => field.b),
    },
    fieldNames: options.fields.map((field) => field.name),
    synonymGroups,
    scratch: createScratch(),
    aggregationScratch: createAggregationScratch(),
    profileScratch: createProfileScratch(),
    learned: { calibration, changes: calibration?.version ?? 0 },
  };
};

/** Batches at least this large (re)learn the learned parts at the end of `addMany`. */
const LEARN_BATCH = 200;

/** The phrases a document teaches the dictionary: its phrase-learning fields' items. */
const phrasesOf = ({ options, tokenizer }: EngineContext, doc: MatchDocument): string[] => {
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

const indexDocument = (
  { options, tokenizer, phrases, state }: EngineContext,
  doc: MatchDocument,
  learned: string[],
) => {
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

const buildEngine = (
  options: ResolvedOptions,
  state: IndexState,
  phrases: PhraseDictionary,
  calibration: Calibration | null = null,
): MatchingEngine => {
  const c = createContext(options, state, phrases, calibration);

  const add = (doc: MatchDocument) => {
    validateDocument(doc);
    if (state.slotById.has(doc.id)) throw new Error(`document ${doc.id} is already indexed; use update`);
    const learned = phrasesOf(c, doc);
    for (const phrase of learned) phrases.learn(phrase);
    indexDocument(c, doc, learned);
    c.learned.changes++;
  };

  const remove = (id: string) => {
    const slot = state.slotById.get(id);
    if (slot === undefined) return false;
    for (const phrase of state.slotPhrases[slot] ?? []) phrases.forget(phrase);
    deleteSlot(state, slot);
    c.learned.changes++;
    return true;
  };

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
      const learned = docs.map((doc) => phrasesOf(c, doc));
      for (const list of learned) for (const phrase of list) phrases.learn(phrase);
      docs.forEach((doc, index) => {
        indexDocument(c, doc, learned[index] ?? []);
      });
      c.learned.changes += docs.length;
      if (docs.length >= LEARN_BATCH) learnParts(c);
    },
    update: (doc) => {
      validateDocument(doc);
      remove(doc.id);
      add(doc);
    },
    remove,
    has: (id) => state.slotById.has(id),
    size: () => state.liveCount,
    search: (query, searchOptions) => searchOwners(c, query, searchOptions),
    searchDocuments: (query, searchOptions) => searchDocuments(c, query, searchOptions),
    tokenize: (text) => c.tokenizer.tokenize(text, phrases),
    serialize: () => encodeIndex(state, options, phrases.entries(), c.learned.calibration ?? undefined),
    options: () => structuredClone(options),
    learn: () => {
      learnParts(c);
      return learnedStatus(c);
    },
    learned: () => learnedStatus(c),
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
  return buildEngine(decoded.options, decoded.state, phrases, (decoded.learned as Calibration) ?? null);
};
