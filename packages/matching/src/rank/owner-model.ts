import type { IndexState } from '../index/index-state.ts';
import { type Bm25fParams, idf, type WeightedTerm } from './bm25f.ts';

/**
 * The owner-profile model (Balog's "model 1"): each owner is scored as if all its documents were
 * one long document. Per term, the field-weighted frequencies of all the owner's documents are
 * summed, normalised by the owner's total length against the average owner, and saturated once.
 * It rewards owners whose whole body of work keeps returning to the query's topic.
 */
export type OwnerModelParams = { k1: number; b: number };

export const scoreOwnerProfiles = (
  state: IndexState,
  terms: readonly WeightedTerm[],
  params: Bm25fParams,
  model: OwnerModelParams,
  acceptSlot: ((slot: number) => boolean) | null,
): Float64Array => {
  const ownerCount = state.ownerNames.length;
  const fieldCount = state.fieldCount;
  // Owner lengths are only needed with length normalisation (b > 0); the default b = 0 skips this
  // linear pass, which lets a broad institute's whole record count (a mild size prior).
  const ownerLength = new Float64Array(ownerCount);
  let averageLength = 1;
  if (model.b > 0) {
    state.slotOwners.forEach((owners, slot) => {
      if (acceptSlot && !acceptSlot(slot)) return;
      let length = 0;
      for (let field = 0; field < fieldCount; field++) {
        length += (params.weights[field] ?? 0) * (state.slotLengths[slot * fieldCount + field] ?? 0);
      }
      for (const owner of owners) ownerLength[owner] = (ownerLength[owner] ?? 0) + length;
    });
    let liveOwners = 0;
    let totalLength = 0;
    for (let owner = 0; owner < ownerCount; owner++) {
      if ((state.ownerDocumentCounts[owner] ?? 0) > 0) {
        liveOwners++;
        totalLength += ownerLength[owner] as number;
      }
    }
    averageLength = liveOwners > 0 ? totalLength / liveOwners : 1;
  }
  const scores = new Float64Array(ownerCount);
  const frequency = new Float64Array(ownerCount);
  const touched: number[] = [];
  for (const { termId, weight } of terms) {
    const list = state.postings[termId];
    const df = state.documentFrequency[termId] ?? 0;
    if (!list || df === 0) continue;
    const termWeight = weight * idf(state.liveCount, df);
    touched.length = 0;
    for (let i = 0; i < list.length; i += 2) {
      const slot = list[i] as number;
      if (acceptSlot && !acceptSlot(slot)) continue;
      const packed = list[i + 1] as number;
      const part = (params.weights[packed >>> 16] ?? 0) * (packed & 0xffff);
      for (const owner of state.slotOwners[slot] ?? []) {
        if (frequency[owner] === 0) touched.push(owner);
        frequency[owner] = (frequency[owner] as number) + part;
      }
    }
    for (const owner of touched) {
      const norm = model.b > 0 ? 1 - model.b + (model.b * (ownerLength[owner] as number)) / averageLength : 1;
      const tf = (frequency[owner] as number) / norm;
      scores[owner] = (scores[owner] as number) + (termWeight * tf) / (model.k1 + tf);
      frequency[owner] = 0;
    }
  }
  return scores;
};
