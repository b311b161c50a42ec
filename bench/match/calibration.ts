import { createMatchingEngine } from '../../packages/matching/src/engine.ts';
import { loadDev, TRACKS } from './dev-data.ts';

/**
 * How good the engine's confidence is on the dev queries (it is learned from the corpus alone, so
 * no dev query tunes it): per track, Brier score, expected calibration error over 10 bins, and
 * what stopping at a confidence floor keeps (results per query, precision of what is kept).
 *   npx tsx bench/match/calibration.ts
 */
const { docs, queries, qrels } = loadDev();
const started = performance.now();
const engine = createMatchingEngine();
engine.addMany(docs);
console.log(`indexed ${docs.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(JSON.stringify(engine.learned()));
console.log(
  'track | results | base rate | mean confidence | Brier | ECE | floor 0.3: kept/query, precision | floor 0.5',
);
for (const track of TRACKS) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, y: 0 }));
  let brier = 0;
  let count = 0;
  let positives = 0;
  let confidenceSum = 0;
  const floors = [0.3, 0.5].map((floor) => ({ floor, kept: 0, right: 0 }));
  const list = queries(track);
  for (const { id, text } of list) {
    const relevant = qrels.get(id) ?? new Map();
    for (const owner of engine.search(text, { top: 10 }).owners) {
      const p = owner.confidence ?? 0;
      const y = relevant.has(owner.owner) ? 1 : 0;
      const bin = bins[Math.min(9, Math.floor(p * 10))] as { n: number; p: number; y: number };
      bin.n++;
      bin.p += p;
      bin.y += y;
      brier += (p - y) ** 2;
      count++;
      positives += y;
      confidenceSum += p;
      for (const f of floors) {
        if (p < f.floor) continue;
        f.kept++;
        f.right += y;
      }
    }
  }
  const ece = bins.reduce((sum, bin) => sum + (bin.n > 0 ? Math.abs(bin.p - bin.y) : 0), 0) / count;
  const cells = floors.map(
    (f) => `${(f.kept / list.length).toFixed(2)}, ${(f.right / Math.max(f.kept, 1)).toFixed(3)}`,
  );
  console.log(
    `${track} | ${count} | ${(positives / count).toFixed(3)} | ${(confidenceSum / count).toFixed(3)} | ${(brier / count).toFixed(4)} | ${ece.toFixed(4)} | ${cells.join(' | ')}`,
  );
}
