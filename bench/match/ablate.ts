import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpus, parseQueries } from '../../packages/matching/src/cli/parse-lines.ts';
import { createMatchingEngine, type EngineOptions } from '../../packages/matching/src/engine.ts';
import { dataDir, outputDir } from './paths.ts';

/**
 * Ablation on the dev split, in one process: each variant of the engine options is built, run on
 * both tracks and scored with the shared scorer. Quality only; timing is bench/match/run.ts's job.
 *   npx tsx bench/match/ablate.ts ['{"name": {...options}}']
 */
const dev = join(dataDir(), 'dev');
const out = join(outputDir(), 'ablate');
mkdirSync(out, { recursive: true });
const docs = parseCorpus(readFileSync(join(dev, 'corpus.jsonl'), 'utf8')).records;
const tracks = ['keywords', 'title'] as const;
const queries = Object.fromEntries(
  tracks.map((track) => [
    track,
    parseQueries(readFileSync(join(dev, `queries-${track}.jsonl`), 'utf8')).records,
  ]),
);

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

type Scores = { 'R@10': number; 'nDCG@10': number; 'MRR@10': number };
const score = (file: string): Scores =>
  JSON.parse(
    execFileSync('node', [join(dev, 'score.mjs'), join(dev, 'qrels.tsv'), file, '--json'], {
      encoding: 'utf8',
    }),
  );

const fmt = (value: number) => value.toFixed(4);
console.log('variant | keywords nDCG@10 | R@10 | title nDCG@10 | R@10');
for (const [name, options] of Object.entries(variants)) {
  const engine = createMatchingEngine(options);
  engine.addMany(docs);
  const cells: string[] = [];
  for (const track of tracks) {
    const lines = (queries[track] ?? []).map(({ id, text }) =>
      JSON.stringify({ query: id, results: engine.search(text, { top: 10 }).owners }),
    );
    const file = join(out, `${track}.jsonl`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const scores = score(file);
    cells.push(fmt(scores['nDCG@10']), fmt(scores['R@10']));
  }
  console.log(`${name} | ${cells.join(' | ')}`);
}
