import type { IndexState } from '../index/index-state.ts';
import type { ScoredSlots } from './bm25f.ts';
import { kthLargest } from './select.ts';

/**
 * Owner score from its documents' scores s₁ ≥ s₂ ≥ …: Σ_{i<topK} decayⁱ · sᵢ. The best document
 * counts fully, further evidence adds with geometrically falling weight, so an institute with
 * several relevant achievements beats one lucky match, yet the sum stays bounded by s₁ / (1 − decay)
 * however many weak matches a large institute has.
 *
 * Only the `depth` best documents of the query are aggregated (a rerank depth): the rest are far
 * too weak to move a top owner, and skipping them keeps queries fast on large corpora.
 */
export type AggregationParams = {
  topK: number;
  decay: number;
  depth: number;
};

export type OwnerScore = {
  owner: number;
  score: number;
  /** the owner's top documents, best first, with their raw scores */
  slots: number[];
  slotScores: number[];
};

export type SlotFilter = (slot: number) => boolean;
/** The filter of an unfiltered search; recognised so that the hot loop can skip calling it. */
export const acceptEverySlot: SlotFilter = () => true;
export type OwnerFilter = (owner: number) => boolean;

/** Buffers reused across queries (sized to the owner count and slot capacity). */
export type AggregationScratch = {
  best: Float64Array;
  bestSlot: Int32Array;
  filled: Uint8Array;
  values: Float64Array;
  /** after aggregateOwners: the candidate slots it read, in candidates[0, candidateCount) */
  candidates: Int32Array;
  candidateCount: number;
};

export const createAggregationScratch = (): AggregationScratch => ({
  best: new Float64Array(0),
  bestSlot: new Int32Array(0),
  filled: new Uint8Array(0),
  values: new Float64Array(0),
  candidates: new Int32Array(0),
  candidateCount: 0,
});

const grow = (scratch: AggregationScratch, owners: number, k: number, slots: number) => {
  if (scratch.filled.length < owners || scratch.best.length < owners * k) {
    const size = Math.max(owners, scratch.filled.length * 2, 64);
    scratch.best = new Float64Array(size * k);
    scratch.bestSlot = new Int32Array(size * k);
    scratch.filled = new Uint8Array(size);
  }
  if (scratch.values.length < slots) {
    const size = Math.max(slots, scratch.values.length * 2, 64);
    scratch.values = new Float64Array(size);
    scratch.candidates = new Int32Array(size);
  }
};

/**
 * The accepted slots among the `depth` best scored ones (ties at the cut all kept), written into
 * scratch.candidates; returns how many.
 */
const selectCandidates = (
  scored: ScoredSlots,
  depth: number,
  acceptSlot: SlotFilter,
  scratch: AggregationScratch,
): number => {
  const { values, candidates } = scratch;
  let count = 0;
  const acceptsAll = acceptSlot === acceptEverySlot;
  for (const slot of scored.slots) {
    if (!acceptsAll && !acceptSlot(slot)) continue;
    candidates[count] = slot;
    values[count] = scored.scores[slot] as number;
    count++;
  }
  if (count <= depth) return count;
  const threshold = kthLargest(values, count, depth);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const slot = candidates[i] as number;
    if ((scored.scores[slot] as number) >= threshold) candidates[kept++] = slot;
  }
  return kept;
};

export const aggregateOwners = (
  state: IndexState,
  scored: ScoredSlots,
  params: AggregationParams,
  top: number,
  acceptSlot: SlotFilter,
  acceptOwner: OwnerFilter,
  scratch: AggregationScratch,
): OwnerScore[] => {
  const k = Math.max(1, Math.min(255, params.topK));
  grow(scratch, state.ownerNames.length, k, scored.slots.length);
  const candidateCount = selectCandidates(scored, params.depth, acceptSlot, scratch);
  scratch.candidateCount = candidateCount;
  const { best, bestSlot, filled, candidates } = scratch;
  const ids = state.slotIds;
  // Equal scores are ordered by document id so that slot numbers never decide which document is kept.
  const isBetter = (score: number, slot: number, otherScore: number, otherSlot: number) =>
    score > otherScore || (score === otherScore && (ids[slot] ?? '') < (ids[otherSlot] ?? ''));
  const touchedOwners: number[] = [];

  for (let c = 0; c < candidateCount; c++) {
    const slot = candidates[c] as number;
    const score = scored.scores[slot] as number;
    for (const owner of state.slotOwners[slot] ?? []) {
      if (!acceptOwner(owner)) continue;
      const base = owner * k;
      let count = filled[owner] as number;
      if (count === 0) touchedOwners.push(owner);
      if (
        count === k &&
        !isBetter(score, slot, best[base + k - 1] as number, bestSlot[base + k - 1] as number)
      ) {
        continue;
      }
      let position = count < k ? count : k - 1;
      while (
        position > 0 &&
        isBetter(score, slot, best[base + position - 1] as number, bestSlot[base + position - 1] as number)
      ) {
        best[base + position] = best[base + position - 1] as number;
        bestSlot[base + position] = bestSlot[base + position - 1] as number;
        position--;
      }
      best[base + position] = score;
      bestSlot[base + position] = slot;
      if (count < k) filled[owner] = ++count;
    }
  }

  const results: OwnerScore[] = touchedOwners.map((owner) => {
    const count = filled[owner] as number;
    let total = 0;
    let factor = 1;
    for (let i = 0; i < count; i++) {
      total += factor * (best[owner * k + i] as number);
      factor *= params.decay;
    }
    return {
      owner,
      score: total,
      slots: Array.from(bestSlot.subarray(owner * k, owner * k + count)),
      slotScores: Array.from(best.subarray(owner * k, owner * k + count)),
    };
  });
  for (const owner of touchedOwners) filled[owner] = 0;
  const names = state.ownerNames;
  return results
    .sort((a, b) => b.score - a.score || ((names[a.owner] ?? '') < (names[b.owner] ?? '') ? -1 : 1))
    .slice(0, top);
};

export type SlotScore = { slot: number; score: number };

/** The `top` best documents (ties broken by document id), for document-level ranking. */
export const rankSlots = (
  state: IndexState,
  scored: ScoredSlots,
  top: number,
  acceptSlot: SlotFilter,
  scratch: AggregationScratch,
): SlotScore[] => {
  grow(scratch, state.ownerNames.length, 1, scored.slots.length);
  const count = selectCandidates(scored, top, acceptSlot, scratch);
  const ids = state.slotIds;
  return Array.from(scratch.candidates.subarray(0, count), (slot) => ({
    slot,
    score: scored.scores[slot] as number,
  }))
    .sort((a, b) => b.score - a.score || ((ids[a.slot] ?? '') < (ids[b.slot] ?? '') ? -1 : 1))
    .slice(0, top);
};
