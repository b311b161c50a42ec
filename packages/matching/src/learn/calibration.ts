import type { IndexState } from '../index/index-state.ts';
import { idf, type WeightedTerm } from '../rank/bm25f.ts';
import { fitLogistic, sigmoid } from './logistic.ts';

/**
 * Calibrated confidence: P(an owner is a right answer | its place in the ranking), a logistic
 * model (Platt scaling) over four features of a result — bias, score ÷ the top score,
 * log(1 + score ÷ the query's idf mass), log(1 + rank). It is learned at index time from the
 * corpus itself: sampled documents become leave-one-out queries (their title, their keywords, or
 * their strongest text terms, in turn), searched with the document itself excluded; a result is
 * right when it is one of that document's owners. Nothing is shipped: a new corpus learns its own.
 */
export type Calibration = {
  weights: number[];
  /** live documents when it was learned, and the change counter then (for staleness) */
  documents: number;
  version: number;
  samples: number;
};

export const confidenceFeatures = (score: number, top: number, queryMass: number, rank: number): number[] => [
  1,
  top > 0 ? score / top : 0,
  Math.log1p(queryMass > 0 ? score / queryMass : 0),
  Math.log1p(rank),
];

export const confidenceOf = (calibration: Calibration, features: readonly number[]): number =>
  sigmoid(features.reduce((sum, value, i) => sum + value * (calibration.weights[i] ?? 0), 0));

/** Σ weight · idf over the query terms: what a document matching all of them would be scaled by. */
export const queryMass = (state: IndexState, terms: readonly WeightedTerm[]): number =>
  terms.reduce(
    (sum, { termId, weight }) => sum + weight * idf(state.liveCount, state.documentFrequency[termId] ?? 0),
    0,
  );

/** FNV-1a, for a sample of documents that does not depend on insertion order. */
const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

/** Up to `size` live slots whose owners have other documents, in hash order of their ids. */
export const sampleSlots = (state: IndexState, size: number): number[] => {
  const slots: Array<{ slot: number; key: number }> = [];
  state.slotIds.forEach((id, slot) => {
    if (id === null) return;
    const owners = state.slotOwners[slot] ?? [];
    if (owners.some((owner) => (state.ownerDocumentCounts[owner] ?? 0) > 1)) {
      slots.push({ slot, key: hash(id) });
    }
  });
  return slots
    .sort((a, b) => a.key - b.key || a.slot - b.slot)
    .slice(0, size)
    .map(({ slot }) => slot);
};

/**
 * A document's field as a query: its terms with their frequencies (bigrams weighed by
 * `bigramWeight`), the `limit` strongest by tf · idf.
 */
export const fieldQuery = (
  state: IndexState,
  slot: number,
  field: number,
  bigramWeight: number,
  limit: number,
): WeightedTerm[] => {
  const forward = state.slotTerms[slot] ?? [];
  const terms: Array<WeightedTerm & { strength: number }> = [];
  for (let i = 0; i < forward.length; i += 2) {
    const packed = forward[i + 1] as number;
    if (packed >>> 16 !== field) continue;
    const termId = forward[i] as number;
    const isBigram = (state.terms[termId] ?? '').startsWith('#');
    const weight = (packed & 0xffff) * (isBigram ? bigramWeight : 1);
    if (weight <= 0) continue;
    const strength = weight * idf(state.liveCount, state.documentFrequency[termId] ?? 0);
    terms.push({ termId, weight, strength });
  }
  return terms
    .sort((a, b) => b.strength - a.strength || a.termId - b.termId)
    .slice(0, limit)
    .map(({ termId, weight }) => ({ termId, weight }));
};

export type CalibrationExample = { features: number[]; label: number };

export const fitCalibration = (
  examples: readonly CalibrationExample[],
  documents: number,
  version: number,
  samples: number,
): Calibration | null => {
  if (examples.length < 50 || !examples.some((e) => e.label === 1) || !examples.some((e) => e.label === 0)) {
    return null;
  }
  const weights = fitLogistic(
    examples.map((e) => e.features),
    examples.map((e) => e.label),
  );
  return { weights, documents, version, samples };
};
