import type { IndexState } from '../index/index-state.ts';
import type { ScoredSlots } from './bm25f.ts';

/**
 * Owner score from its documents' scores s₁ ≥ s₂ ≥ …: Σ_{i<topK} decayⁱ · sᵢ. The best document
 * counts fully, further evidence adds with geometrically falling weight, so an institute with
 * several relevant achievements beats one lucky match, yet a large institute cannot win on the
 * sheer number of weak matches (the sum is bounded by s₁ / (1 − decay)).
 */
export type AggregationParams = { topK: number; decay: number };

export type OwnerScore = {
  owner: number;
  score: number;
  /** the owner's top documents, best first, with their raw scores */
  slots: number[];
  slotScores: number[];
};

export type SlotFilter = (slot: number) => boolean;
export type OwnerFilter = (owner: number) => boolean;

const compareOwners = (state: IndexState) => (a: OwnerScore, b: OwnerScore) =>
  b.score - a.score || ((state.ownerNames[a.owner] ?? '') < (state.ownerNames[b.owner] ?? '') ? -1 : 1);

/** Indices of the `top` largest values (ties all kept), found with one typed-array sort. */
const thresholdFor = (values: Float64Array, top: number): number => {
  if (values.length <= top) return Number.NEGATIVE_INFINITY;
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length - top] as number;
};

export const aggregateOwners = (
  state: IndexState,
  scored: ScoredSlots,
  params: AggregationParams,
  top: number,
  acceptSlot: SlotFilter,
  acceptOwner: OwnerFilter,
): OwnerScore[] => {
  const k = Math.max(1, params.topK);
  const ownerCount = state.ownerNames.length;
  const best = new Float64Array(ownerCount * k);
  const bestSlot = new Int32Array(ownerCount * k);
  const filled = new Uint8Array(ownerCount);
  const touchedOwners: number[] = [];
  // Equal scores are ordered by document id so that slot numbers never decide which document is kept.
  const isBetter = (score: number, slot: number, otherScore: number, otherSlot: number) =>
    score > otherScore ||
    (score === otherScore && (state.slotIds[slot] ?? '') < (state.slotIds[otherSlot] ?? ''));

  for (const slot of scored.slots) {
    if (!acceptSlot(slot)) continue;
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
      // Insertion into the owner's short descending list.
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

  const ownerScores = new Float64Array(touchedOwners.length);
  touchedOwners.forEach((owner, index) => {
    let total = 0;
    let factor = 1;
    for (let i = 0; i < (filled[owner] as number); i++) {
      total += factor * (best[owner * k + i] as number);
      factor *= params.decay;
    }
    ownerScores[index] = total;
  });
  const threshold = thresholdFor(ownerScores, top);
  const results: OwnerScore[] = [];
  touchedOwners.forEach((owner, index) => {
    const score = ownerScores[index] as number;
    if (score < threshold) return;
    const count = filled[owner] as number;
    const slots = Array.from(bestSlot.subarray(owner * k, owner * k + count));
    const slotScores = Array.from(best.subarray(owner * k, owner * k + count));
    results.push({ owner, score, slots, slotScores });
  });
  return results.sort(compareOwners(state)).slice(0, top);
};

export type SlotScore = { slot: number; score: number };

/** The `top` best documents (ties broken by document id), for document-level ranking. */
export const rankSlots = (
  state: IndexState,
  scored: ScoredSlots,
  top: number,
  acceptSlot: SlotFilter,
): SlotScore[] => {
  const accepted = Array.from(scored.slots).filter(acceptSlot);
  const values = Float64Array.from(accepted, (slot) => scored.scores[slot] as number);
  const threshold = thresholdFor(values, top);
  return accepted
    .filter((slot) => (scored.scores[slot] as number) >= threshold)
    .map((slot) => ({ slot, score: scored.scores[slot] as number }))
    .sort(
      (a, b) => b.score - a.score || ((state.slotIds[a.slot] ?? '') < (state.slotIds[b.slot] ?? '') ? -1 : 1),
    )
    .slice(0, top);
};
