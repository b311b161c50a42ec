import type { IndexState } from '../index/index-state.ts';

/**
 * BM25F in Robertson & Zaragoza's form: per field a length-normalised term frequency
 * tf_f / (1 − b_f + b_f · len_f / avglen_f), summed over fields with field weights into one pseudo
 * frequency, which is then saturated once: idf · tf̃ / (k1 + tf̃). Saturating after the sum (not
 * per field) is what stops a term repeated in title, keywords and text from counting three times.
 */
export type Bm25fParams = {
  k1: number;
  /** field → weight */
  weights: readonly number[];
  /** field → length normalisation b in [0, 1] */
  b: readonly number[];
};

export type WeightedTerm = { termId: number; weight: number };

/** idf = ln(1 + (N − df + 0.5) / (df + 0.5)): always positive, Lucene's variant. */
export const idf = (documentCount: number, documentFrequency: number): number =>
  Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));

/** Reusable per-engine buffers, grown with the slot capacity; queries never allocate per slot. */
export type Scratch = {
  scores: Float64Array;
  scoreStamp: Uint32Array;
  pseudoTf: Float64Array;
  termStamp: Uint32Array;
  touched: Int32Array;
  termTouched: Int32Array;
  stamp: number;
};

export const createScratch = (): Scratch => ({
  scores: new Float64Array(0),
  scoreStamp: new Uint32Array(0),
  pseudoTf: new Float64Array(0),
  termStamp: new Uint32Array(0),
  touched: new Int32Array(0),
  termTouched: new Int32Array(0),
  stamp: 0,
});

const ensureCapacity = (scratch: Scratch, capacity: number): void => {
  if (scratch.scores.length >= capacity) return;
  const size = Math.max(capacity, scratch.scores.length * 2, 64);
  scratch.scores = new Float64Array(size);
  scratch.scoreStamp = new Uint32Array(size);
  scratch.pseudoTf = new Float64Array(size);
  scratch.termStamp = new Uint32Array(size);
  scratch.touched = new Int32Array(size);
  scratch.termTouched = new Int32Array(size);
  scratch.stamp = 0;
};

/** Average length per field over live documents (0 when the field is empty everywhere). */
export const averageLengths = (state: IndexState): number[] =>
  state.lengthSums.map((sum) => (state.liveCount > 0 ? sum / state.liveCount : 0));

/** Per field: 1 / avglen (0 for an empty field, whose norm then reduces to 1 − b). */
const inverseAverages = (state: IndexState): Float64Array =>
  Float64Array.from(averageLengths(state), (average) => (average > 0 ? 1 / average : 0));

export type ScoredSlots = {
  /** the touched slots, in no particular order */
  slots: Int32Array;
  /** slot → score, valid for the slots listed */
  scores: Float64Array;
};

/**
 * Scores every document that contains at least one query term. Cost is linear in the summed
 * posting-list lengths of the query terms.
 */
export const scoreDocuments = (
  state: IndexState,
  terms: readonly WeightedTerm[],
  params: Bm25fParams,
  scratch: Scratch,
): ScoredSlots => {
  const capacity = state.slotIds.length;
  ensureCapacity(scratch, capacity);
  const { scores, scoreStamp, pseudoTf, termStamp, touched, termTouched } = scratch;
  const fieldCount = state.fieldCount;
  const lengths = state.slotLengths;
  const inverseAverage = inverseAverages(state);
  const weights = Float64Array.from(params.weights);
  const b = Float64Array.from(params.b);
  const k1 = params.k1;
  const queryStamp = ++scratch.stamp;
  let touchedCount = 0;

  for (const { termId, weight } of terms) {
    const list = state.postings[termId];
    const frequency = state.documentFrequency[termId] ?? 0;
    if (!list || frequency === 0 || weight === 0) continue;
    const termWeight = weight * idf(state.liveCount, frequency);
    const termStampValue = ++scratch.stamp;
    let termCount = 0;
    for (let i = 0; i < list.length; i += 2) {
      const slot = list[i] as number;
      const packed = list[i + 1] as number;
      const field = packed >>> 16;
      const tf = packed & 0xffff;
      const fieldB = b[field] as number;
      const norm =
        1 -
        fieldB +
        fieldB * (lengths[slot * fieldCount + field] as number) * (inverseAverage[field] as number);
      const part = ((weights[field] as number) * tf) / norm;
      if (termStamp[slot] !== termStampValue) {
        termStamp[slot] = termStampValue;
        pseudoTf[slot] = part;
        termTouched[termCount++] = slot;
      } else {
        pseudoTf[slot] = (pseudoTf[slot] as number) + part;
      }
    }
    for (let i = 0; i < termCount; i++) {
      const slot = termTouched[i] as number;
      const tfTilde = pseudoTf[slot] as number;
      const contribution = (termWeight * tfTilde) / (k1 + tfTilde);
      if (scoreStamp[slot] !== queryStamp) {
        scoreStamp[slot] = queryStamp;
        scores[slot] = contribution;
        touched[touchedCount++] = slot;
      } else {
        scores[slot] = (scores[slot] as number) + contribution;
      }
    }
  }
  // Stamps are 32-bit; start over long before they could wrap.
  if (scratch.stamp > 0xfff00000) {
    scoreStamp.fill(0);
    termStamp.fill(0);
    scratch.stamp = 0;
  }
  return { slots: touched.subarray(0, touchedCount), scores };
};

/** One term's part of a document's score, and how that part splits over the fields. */
export type TermContribution = { score: number; fieldScores: number[] };

/**
 * Recomputes the contribution of one term to one document from the forward list (sorted by term,
 * so a binary search finds it). Used for explanations and for the hand-checkable maths tests.
 */
export const termContribution = (
  state: IndexState,
  slot: number,
  term: WeightedTerm,
  params: Bm25fParams,
): TermContribution | null => {
  const forward = state.slotTerms[slot] ?? [];
  let low = 0;
  let high = forward.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((forward[mid * 2] as number) < term.termId) low = mid + 1;
    else high = mid;
  }
  const averages = averageLengths(state);
  const parts = new Array<number>(state.fieldCount).fill(0);
  let tfTilde = 0;
  for (let pair = low; pair * 2 < forward.length && forward[pair * 2] === term.termId; pair++) {
    const packed = forward[pair * 2 + 1] as number;
    const field = packed >>> 16;
    const tf = packed & 0xffff;
    const fieldB = params.b[field] ?? 0;
    const average = averages[field] ?? 0;
    const length = state.slotLengths[slot * state.fieldCount + field] ?? 0;
    const norm = 1 - fieldB + (average > 0 ? (fieldB * length) / average : 0);
    const part = ((params.weights[field] ?? 0) * tf) / norm;
    parts[field] = part;
    tfTilde += part;
  }
  if (tfTilde === 0) return null;
  const frequency = state.documentFrequency[term.termId] ?? 0;
  const score = (term.weight * idf(state.liveCount, frequency) * tfTilde) / (params.k1 + tfTilde);
  return { score, fieldScores: parts.map((part) => (score * part) / tfTilde) };
};
