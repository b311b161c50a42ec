/**
 * The inverted index: per term one posting list, per document one forward list. Both hold pairs
 * `[id, field << 16 | tf]` in a flat list (small integers stay unboxed in V8, and one list per term
 * keeps the per-term overhead low for the long tail of rare terms).
 *
 * A list is a JS array while documents are added, or a view into one shared Uint32Array after
 * loading (`restoreState`): building tens of millions of array elements one push at a time was most
 * of the load time. Loaded lists stay typed arrays when written (`appendPosting`, `deleteSlot`).
 *
 * Documents live in numbered slots; a removed document's slot is reused. Nothing in the ranking
 * depends on slot numbers or on which document comes first in a posting list (ties are broken by
 * names), which is what makes add-then-remove and serialise-then-load leave every result unchanged.
 */
/** Pairs `[id, field << 16 | tf, ...]`: an array (built by adding) or a typed-array view (loaded). */
export type PairList = number[] | Uint32Array;

export type IndexState = {
  fieldCount: number;
  termIds: Map<string, number>;
  terms: string[];
  /** termId → [slot, field << 16 | tf, ...] */
  postings: PairList[];
  /** termId → the block a loaded term's list was moved to when it grew (see appendPosting) */
  postingBlocks: Map<number, Uint32Array>;
  /** termId → number of live documents containing the term in any field */
  documentFrequency: number[];
  /** slot → document id, or null for a free slot */
  slotIds: Array<string | null>;
  slotById: Map<string, number>;
  slotOwners: number[][];
  slotTags: Array<readonly string[]>;
  /** slot → phrases this document taught the dictionary (forgotten again on removal) */
  slotPhrases: string[][];
  /** slot → [termId, field << 16 | tf, ...] sorted by term then field */
  slotTerms: PairList[];
  /** slot * fieldCount + field → field length in tokens */
  slotLengths: Uint32Array;
  /** field → total length over live documents (an integer, so averages never drift) */
  lengthSums: number[];
  liveCount: number;
  freeSlots: number[];
  ownerIds: Map<string, number>;
  ownerNames: string[];
  /** owner → number of live documents it owns */
  ownerDocumentCounts: number[];
};

export type IndexedDocument = {
  id: string;
  owners: readonly string[];
  tags: readonly string[];
  phrases: string[];
  /** One token list per field, in field order. */
  fieldTokens: string[][];
};

export const MAX_TF = 0xffff;

export const createIndexState = (fieldCount: number): IndexState => ({
  fieldCount,
  termIds: new Map(),
  terms: [],
  postings: [],
  postingBlocks: new Map(),
  documentFrequency: [],
  slotIds: [],
  slotById: new Map(),
  slotOwners: [],
  slotTags: [],
  slotPhrases: [],
  slotTerms: [],
  slotLengths: new Uint32Array(64 * fieldCount),
  lengthSums: new Array<number>(fieldCount).fill(0),
  liveCount: 0,
  freeSlots: [],
  ownerIds: new Map(),
  ownerNames: [],
  ownerDocumentCounts: [],
});

export const internTerm = (state: IndexState, term: string): number => {
  let id = state.termIds.get(term);
  if (id === undefined) {
    id = state.terms.length;
    state.termIds.set(term, id);
    state.terms.push(term);
    state.postings.push([]);
    state.documentFrequency.push(0);
  }
  return id;
};

const internOwner = (state: IndexState, owner: string): number => {
  let id = state.ownerIds.get(owner);
  if (id === undefined) {
    id = state.ownerNames.length;
    state.ownerIds.set(owner, id);
    state.ownerNames.push(owner);
    state.ownerDocumentCounts.push(0);
  }
  return id;
};

/**
 * Appends a pair to a term's posting list. A loaded list (a view) moves once into a block of its
 * own with room to grow, and later appends write into that block: a view is never turned into a
 * JS array, which for a long list is slow to build (and, built by index, may become a slow
 * dictionary-mode array). The server updates many documents right after loading.
 */
const appendPosting = (state: IndexState, termId: number, slot: number, packed: number): void => {
  const list = state.postings[termId] ?? [];
  if (Array.isArray(list)) {
    list.push(slot, packed);
    state.postings[termId] = list;
    return;
  }
  const length = list.length;
  let block = state.postingBlocks.get(termId);
  if (
    block === undefined ||
    block.buffer !== list.buffer ||
    block.byteOffset !== list.byteOffset ||
    block.length < length + 2
  ) {
    block = new Uint32Array(Math.max(16, Math.ceil((length + 2) * 1.5)));
    block.set(list);
    state.postingBlocks.set(termId, block);
  }
  block[length] = slot;
  block[length + 1] = packed;
  state.postings[termId] = block.subarray(0, length + 2);
};

/** Number of slots ever allocated (live or free); scratch buffers are sized by it. */
export const slotCapacity = (state: IndexState): number => state.slotIds.length;

const takeSlot = (state: IndexState): number => {
  const reused = state.freeSlots.pop();
  if (reused !== undefined) return reused;
  const slot = state.slotIds.length;
  state.slotIds.push(null);
  state.slotOwners.push([]);
  state.slotTags.push([]);
  state.slotPhrases.push([]);
  state.slotTerms.push([]);
  const needed = (slot + 1) * state.fieldCount;
  if (needed > state.slotLengths.length) {
    const grown = new Uint32Array(Math.max(needed, state.slotLengths.length * 2));
    grown.set(state.slotLengths);
    state.slotLengths = grown;
  }
  return slot;
};

/** Builds the sorted forward list `[termId, field << 16 | tf, ...]` of one document. */
const countTerms = (state: IndexState, fieldTokens: string[][]): number[] => {
  const counts = new Map<number, number>();
  fieldTokens.forEach((tokens, field) => {
    for (const token of tokens) {
      const key = internTerm(state, token) * 256 + field;
      counts.set(key, Math.min(MAX_TF, (counts.get(key) ?? 0) + 1));
    }
  });
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const forward: number[] = [];
  for (const key of keys) {
    const field = key % 256;
    forward.push((key - field) / 256, (field << 16) | (counts.get(key) ?? 0));
  }
  return forward;
};

/** Inserts a document that is not in the index yet; returns its slot. */
export const insertDocument = (state: IndexState, doc: IndexedDocument): number => {
  const forward = countTerms(state, doc.fieldTokens);
  return insertForward(
    state,
    doc,
    forward,
    doc.fieldTokens.map((tokens) => tokens.length),
  );
};

/** Inserts a document from its forward list (sorted by term, then field). */
export const insertForward = (
  state: IndexState,
  doc: Omit<IndexedDocument, 'fieldTokens'>,
  forward: number[],
  lengths: number[],
): number => {
  const slot = takeSlot(state);
  state.slotIds[slot] = doc.id;
  state.slotById.set(doc.id, slot);
  state.slotOwners[slot] = [...new Set(doc.owners)].map((owner) => internOwner(state, owner));
  for (const owner of state.slotOwners[slot] ?? []) {
    state.ownerDocumentCounts[owner] = (state.ownerDocumentCounts[owner] ?? 0) + 1;
  }
  state.slotTags[slot] = [...doc.tags];
  state.slotPhrases[slot] = doc.phrases;
  state.slotTerms[slot] = forward;
  for (let field = 0; field < state.fieldCount; field++) {
    const length = lengths[field] ?? 0;
    state.slotLengths[slot * state.fieldCount + field] = length;
    state.lengthSums[field] = (state.lengthSums[field] ?? 0) + length;
  }
  let previousTerm = -1;
  for (let i = 0; i < forward.length; i += 2) {
    const termId = forward[i] as number;
    appendPosting(state, termId, slot, forward[i + 1] as number);
    if (termId !== previousTerm) {
      state.documentFrequency[termId] = (state.documentFrequency[termId] ?? 0) + 1;
      previousTerm = termId;
    }
  }
  state.liveCount++;
  return slot;
};

/** Removes the document in a slot from every structure and frees the slot. */
export const deleteSlot = (state: IndexState, slot: number): void => {
  const id = state.slotIds[slot];
  if (id === null || id === undefined) return;
  const forward = state.slotTerms[slot] ?? [];
  let previousTerm = -1;
  for (let i = 0; i < forward.length; i += 2) {
    const termId = forward[i] as number;
    if (termId === previousTerm) continue;
    previousTerm = termId;
    const list = state.postings[termId] ?? [];
    // Compact in place, keeping the order of the other pairs: a document's pairs then stay in
    // field order, so its BM25F sum is added up in the same order as before (bit-identical scores).
    let write = 0;
    for (let read = 0; read < list.length; read += 2) {
      if (list[read] === slot) continue;
      list[write] = list[read] as number;
      list[write + 1] = list[read + 1] as number;
      write += 2;
    }
    // A loaded view is of the index's own blocks (restoreState, appendPosting), so it is compacted
    // in place too and only shortened, not copied.
    if (Array.isArray(list)) list.length = write;
    else state.postings[termId] = list.subarray(0, write);
    state.documentFrequency[termId] = (state.documentFrequency[termId] ?? 1) - 1;
  }
  for (let field = 0; field < state.fieldCount; field++) {
    state.lengthSums[field] =
      (state.lengthSums[field] ?? 0) - (state.slotLengths[slot * state.fieldCount + field] ?? 0);
    state.slotLengths[slot * state.fieldCount + field] = 0;
  }
  for (const owner of state.slotOwners[slot] ?? []) {
    state.ownerDocumentCounts[owner] = (state.ownerDocumentCounts[owner] ?? 1) - 1;
  }
  state.slotById.delete(id);
  state.slotIds[slot] = null;
  state.slotOwners[slot] = [];
  state.slotTags[slot] = [];
  state.slotPhrases[slot] = [];
  state.slotTerms[slot] = [];
  state.liveCount--;
  state.freeSlots.push(slot);
};

/** Documents as `restoreState` takes them: slot i holds the i-th document. */
export type RestoredDocuments = {
  documents: ReadonlyArray<{ id: string; owners: string[]; tags: string[]; phrases: string[] }>;
  /** document * fieldCount + field → field length */
  lengths: Uint32Array;
  /** document → start of its forward list in `forward` (in integers); one more entry ends the last */
  forwardOffsets: Uint32Array;
  /** every forward list, back to back */
  forward: Uint32Array;
};

/**
 * Builds the state that inserting the documents one by one in order would build, in bulk: the
 * forward lists stay views into `forward` (never written: a removed document's list is replaced),
 * and the posting lists are filled by a counting sort into one Uint32Array of the state's own
 * (removal compacts it in place; per term, slots ascending and each document's pairs in forward-list order,
 * exactly the order of one-by-one insertion). Throws on inconsistent input.
 */
/** Pass 1: pairs and documents per term, validating the forward lists on the way. */
const countForward = (termCount: number, input: RestoredDocuments) => {
  const { forwardOffsets, forward } = input;
  const pairCounts = new Uint32Array(termCount);
  const frequencies = new Uint32Array(termCount);
  for (let slot = 0; slot < input.documents.length; slot++) {
    const start = forwardOffsets[slot] as number;
    const end = forwardOffsets[slot + 1] as number;
    if (end < start || end > forward.length || (end - start) % 2 !== 0) {
      throw new Error('matching index: bad forward list offsets');
    }
    let previousTerm = -1;
    for (let i = start; i < end; i += 2) {
      const termId = forward[i] as number;
      if (termId >= termCount || termId < previousTerm) {
        throw new Error('matching index: bad forward list');
      }
      pairCounts[termId] = (pairCounts[termId] as number) + 1;
      if (termId !== previousTerm) {
        frequencies[termId] = (frequencies[termId] as number) + 1;
        previousTerm = termId;
      }
    }
  }
  return { pairCounts, frequencies };
};

/** Pass 2: counting sort of the pairs by term into one block; each list is a view of its range. */
const sortPostings = (termCount: number, pairCounts: Uint32Array, input: RestoredDocuments): PairList[] => {
  const { forwardOffsets, forward } = input;
  const starts = new Uint32Array(termCount + 1);
  for (let id = 0; id < termCount; id++) {
    starts[id + 1] = (starts[id] as number) + (pairCounts[id] as number) * 2;
  }
  const block = new Uint32Array(starts[termCount] as number);
  const cursor = starts.slice(0, termCount);
  for (let slot = 0; slot < input.documents.length; slot++) {
    const end = forwardOffsets[slot + 1] as number;
    for (let i = forwardOffsets[slot] as number; i < end; i += 2) {
      const termId = forward[i] as number;
      const at = cursor[termId] as number;
      block[at] = slot;
      block[at + 1] = forward[i + 1] as number;
      cursor[termId] = at + 2;
    }
  }
  const postings = new Array<PairList>(termCount);
  for (let id = 0; id < termCount; id++) {
    postings[id] = block.subarray(starts[id] as number, starts[id + 1] as number);
  }
  return postings;
};

/** Pass 3: the per-slot tables (ids, owners, tags, phrases, lengths, forward views). */
const restoreSlots = (state: IndexState, input: RestoredDocuments): void => {
  const { documents, lengths, forwardOffsets, forward } = input;
  const count = documents.length;
  const fieldCount = state.fieldCount;
  state.slotLengths = new Uint32Array(Math.max(count, 64) * fieldCount);
  state.slotLengths.set(lengths);
  for (let i = 0; i < lengths.length; i++) {
    const field = i % fieldCount;
    state.lengthSums[field] = (state.lengthSums[field] as number) + (lengths[i] as number);
  }
  state.slotIds = new Array<string | null>(count);
  state.slotOwners = new Array<number[]>(count);
  state.slotTags = new Array<readonly string[]>(count);
  state.slotPhrases = new Array<string[]>(count);
  state.slotTerms = new Array<PairList>(count);
  for (let slot = 0; slot < count; slot++) {
    const doc = documents[slot] as RestoredDocuments['documents'][number];
    if (state.slotById.has(doc.id)) throw new Error(`matching index: document ${doc.id} twice`);
    state.slotIds[slot] = doc.id;
    state.slotById.set(doc.id, slot);
    const owners = [...new Set(doc.owners)].map((owner) => internOwner(state, owner));
    for (const owner of owners)
      state.ownerDocumentCounts[owner] = (state.ownerDocumentCounts[owner] ?? 0) + 1;
    state.slotOwners[slot] = owners;
    state.slotTags[slot] = doc.tags;
    state.slotPhrases[slot] = doc.phrases;
    state.slotTerms[slot] = forward.subarray(
      forwardOffsets[slot] as number,
      forwardOffsets[slot + 1] as number,
    );
  }
  state.liveCount = count;
};

export const restoreState = (
  fieldCount: number,
  terms: readonly string[],
  input: RestoredDocuments,
): IndexState => {
  const count = input.documents.length;
  const termCount = terms.length;
  if (input.lengths.length !== count * fieldCount || input.forwardOffsets.length !== count + 1) {
    throw new Error('matching index: document table sizes do not match');
  }
  const state = createIndexState(fieldCount);
  for (let id = 0; id < termCount; id++) state.termIds.set(terms[id] as string, id);
  if (state.termIds.size !== termCount) throw new Error('matching index: duplicate terms');
  state.terms = [...terms];
  const { pairCounts, frequencies } = countForward(termCount, input);
  state.postings = sortPostings(termCount, pairCounts, input);
  state.documentFrequency = Array.from(frequencies);
  restoreSlots(state, input);
  return state;
};
