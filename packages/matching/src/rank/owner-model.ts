import type { IndexState } from '../index/index-state.ts';
import { type Bm25fParams, idf, type WeightedTerm } from './bm25f.ts';

/**
 * The owner-profile model (Balog's "model 1"): an owner is scored as if its documents were one
 * long document. Per query term, the field-weighted frequencies over the owner's documents are
 * summed and saturated once: idf · F / (k1 + F). No length normalisation, so a broad institute's
 * whole record counts (a mild size prior). It rewards owners whose body of work keeps returning to
 * the query's topic, which the best-documents sum alone under-rates.
 *
 * Only the query's candidate documents (the rerank depth) are read: the other documents of an
 * owner hardly match, and this keeps the cost independent of the corpus size.
 */
export type OwnerModelParams = { k1: number };

/** Buffers reused across queries: a per-slot candidate mark and per-owner accumulators. */
export type ProfileScratch = {
  mark: Uint32Array;
  stamp: number;
  frequency: Float64Array;
  score: Float64Array;
};

export const createProfileScratch = (): ProfileScratch => ({
  mark: new Uint32Array(0),
  stamp: 0,
  frequency: new Float64Array(0),
  score: new Float64Array(0),
});

/**
 * Profile scores of the owners of the candidate slots. One pass over each query term's posting
 * list (skipping non-candidates), so the cost is that of scoring the query once more.
 */
export const scoreOwnerProfiles = (
  state: IndexState,
  slots: ArrayLike<number>,
  terms: readonly WeightedTerm[],
  params: Bm25fParams,
  model: OwnerModelParams,
  scratch: ProfileScratch,
): Map<number, number> => {
  const slotCount = state.slotIds.length;
  const ownerCount = state.ownerNames.length;
  if (scratch.mark.length < slotCount) {
    scratch.mark = new Uint32Array(Math.max(slotCount, scratch.mark.length * 2));
    scratch.stamp = 0;
  }
  if (scratch.frequency.length < ownerCount) {
    scratch.frequency = new Float64Array(Math.max(ownerCount, scratch.frequency.length * 2));
    scratch.score = new Float64Array(scratch.frequency.length);
  }
  if (scratch.stamp >= 0xfffffff0) {
    scratch.mark.fill(0);
    scratch.stamp = 0;
  }
  const stamp = ++scratch.stamp;
  const { mark, frequency, score } = scratch;
  for (let i = 0; i < slots.length; i++) mark[slots[i] as number] = stamp;
  const weights = Float64Array.from(params.weights);
  const scoredOwners: number[] = [];
  const termOwners: number[] = [];
  for (const { termId, weight } of terms) {
    const list = state.postings[termId];
    const df = state.documentFrequency[termId] ?? 0;
    if (!list || df === 0) continue;
    const termWeight = weight * idf(state.liveCount, df);
    termOwners.length = 0;
    for (let i = 0; i < list.length; i += 2) {
      const slot = list[i] as number;
      if (mark[slot] !== stamp) continue;
      const packed = list[i + 1] as number;
      const part = (weights[packed >>> 16] as number) * (packed & 0xffff);
      for (const owner of state.slotOwners[slot] ?? []) {
        if (frequency[owner] === 0) termOwners.push(owner);
        frequency[owner] = (frequency[owner] as number) + part;
      }
    }
    for (const owner of termOwners) {
      const total = frequency[owner] as number;
      if (score[owner] === 0) scoredOwners.push(owner);
      score[owner] = (score[owner] as number) + (termWeight * total) / (model.k1 + total);
      frequency[owner] = 0;
    }
  }
  const result = new Map<number, number>();
  for (const owner of scoredOwners) {
    result.set(owner, score[owner] as number);
    score[owner] = 0;
  }
  return result;
};
