import { type EngineContext, runWeighted } from './engine-query.ts';
import { rankOwners } from './engine-search.ts';
import type { LearnedStatus } from './engine-types.ts';
import {
  type CalibrationExample,
  confidenceFeatures,
  fieldQuery,
  fitCalibration,
  queryMass,
  sampleSlots,
} from './learn/calibration.ts';

/** Leave-one-out queries per calibration, and the strongest terms a text-field query keeps. */
const CALIBRATION_SAMPLES = 300;
const QUERY_TERMS = 24;

/**
 * Learns the confidence calibration from the indexed documents: each sampled document's title,
 * keywords or text (in turn) is searched with the document itself excluded; each of the top 10
 * owners is an example, right when it owns that document. Unfiltered, without feedback.
 */
export const learnParts = (c: EngineContext): void => {
  const { state, options } = c;
  const examples: CalibrationExample[] = [];
  const slots = sampleSlots(state, CALIBRATION_SAMPLES);
  slots.forEach((slot, index) => {
    const field = index % state.fieldCount;
    const weighted = fieldQuery(state, slot, field, options.bigramWeight, QUERY_TERMS).filter(
      ({ termId }) => (state.documentFrequency[termId] ?? 0) > 1,
    );
    if (weighted.length === 0) return;
    const id = state.slotIds[slot] ?? '';
    const prepared = runWeighted(c, [], weighted, { excludeDocuments: [id] });
    const saved = c.learned.calibration;
    c.learned.calibration = null;
    const ranked = rankOwners(c, prepared, { top: 10 });
    c.learned.calibration = saved;
    const mass = queryMass(state, weighted);
    const owners = new Set(state.slotOwners[slot] ?? []);
    const top = ranked[0]?.score ?? 0;
    ranked.forEach((entry, rank) => {
      examples.push({
        features: confidenceFeatures(entry.score, top, mass, rank),
        label: owners.has(entry.owner) ? 1 : 0,
      });
    });
  });
  c.learned.calibration = fitCalibration(examples, state.liveCount, c.learned.changes, slots.length);
};

export const learnedStatus = ({ state, learned }: EngineContext): LearnedStatus => {
  const calibration = learned.calibration;
  const documents = calibration?.documents ?? 0;
  const changesSince = learned.changes - (calibration?.version ?? 0);
  return {
    calibrated: calibration !== null,
    documents,
    changesSince,
    stale: calibration === null ? state.liveCount > 0 : changesSince > 0.1 * Math.max(documents, 1),
  };
};
