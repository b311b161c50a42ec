import { createMatchingEngine, type EngineOptions } from '../../packages/matching/src/engine.ts';
import { loadDev, metrics, TRACKS } from './dev-data.ts';

/**
 * Ablation on the dev split, in one process: each variant of the engine options is built, run on
 * the three tracks (keywords, title, need) and scored with score.mjs's metrics. Quality only;
 * timing is bench/match/run.ts's job.
 *   npx tsx bench/match/ablate.ts ['{"name": {...options}}']
 */
const { docs, queries, qrels } = loadDev();
const trackQueries = Object.fromEntries(TRACKS.map((track) => [track, queries(track)]));

const defaultVariants: Record<string, EngineOptions> = {
  full: {},
  '− learned phrases': { learnPhrases: false },
  '− character bigrams': { bigramWeight: 0 },
  '+ search-mode sub-words': { segmentation: 'search' },
  '− owner-profile fusion': { ownerModel: null },
  '− multi-document aggregation (best document only)': { aggregation: { topK: 1 } },
  '− both aggregation parts (best document only, no profile)': { aggregation: { topK: 1 }, ownerModel: null },
  '− field weights (all 1, b 0.75)': {
    fields: [
      { name: 'title', weight: 1, b: 0.75 },
      { name: 'keywords', weight: 1, b: 0.75, learnPhrases: true },
      { name: 'text', weight: 1, b: 0.75 },
    ],
  },
  '− rerank depth (aggregate every document)': { aggregation: { depth: 1_000_000 } },
  '− corpus stop terms (keep terms in > 20% of documents)': { maxDocumentShare: 1 },
  'plain BM25F + best document (all of the above off)': {
    learnPhrases: false,
    bigramWeight: 0,
    ownerModel: null,
    aggregation: { topK: 1 },
  },
};
const variants = process.argv[2]
  ? (JSON.parse(process.argv[2]) as Record<string, EngineOptions>)
  : defaultVariants;

const fmt = (value: number) => value.toFixed(4);
console.log(`variant | ${TRACKS.map((track) => `${track} nDCG@10 | R@10`).join(' | ')}`);
for (const [name, options] of Object.entries(variants)) {
  const engine = createMatchingEngine(options);
  engine.addMany(docs);
  const cells: string[] = [];
  for (const track of TRACKS) {
    const list = trackQueries[track] ?? [];
    const ranked = new Map(
      list.map(({ id, text }) => [id, engine.search(text, { top: 10 }).owners.map((o) => o.owner)]),
    );
    const scores = metrics(
      qrels,
      ranked,
      list.map(({ id }) => id),
    );
    cells.push(fmt(scores['nDCG@10']), fmt(scores['R@10']));
  }
  console.log(`${name} | ${cells.join(' | ')}`);
}
