/**
 * The inverted index: per term one posting list, per document one forward list. Both hold pairs
 * `[id, field << 16 | tf]` in a flat number array (small integers stay unboxed in V8, and one array
 * per term keeps the per-term overhead low for the long tail of rare terms).
 *
 * Documents live in numbered slots; a removed document's slot is reused. Nothing in the ranking
 * depends on slot numbers or on which document comes first in a posting list (ties are broken by
 * names), which is what makes add-then-remove and serialise-then-load leave every result unchanged.
 */
export type IndexState = {
  fieldCount: number;
  termIds: Map<string, number>;
  terms: string[];
  /** termId → [slot, field << 16 | tf, ...] */
  postings: number[][];
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
  slotTerms: number[][];
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

/** Inserts a document from its forward list (used by loading, which skips tokenising). */
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
    (state.postings[termId] as number[]).push(slot, forward[i + 1] as number);
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
    const list = state.postings[termId] as number[];
    // Compact in place, keeping the order of the other pairs: a document's pairs then stay in
    // field order, so its BM25F sum is added up in the same order as before (bit-identical scores).
    let write = 0;
    for (let read = 0; read < list.length; read += 2) {
      if (list[read] === slot) continue;
      list[write] = list[read] as number;
      list[write + 1] = list[read + 1] as number;
      write += 2;
    }
    list.length = write;
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
