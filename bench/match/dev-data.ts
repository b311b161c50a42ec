import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpus, parseQueries } from '../../packages/matching/src/cli/parse-lines.ts';
import type { MatchDocument } from '../../packages/matching/src/engine.ts';
import { writeNeedQueries } from './need-queries.ts';
import { dataDir, outputDir } from './paths.ts';

/** The dev split loaded in-process (for ablation, calibration and replay), and the scorer's metrics. */
export const TRACKS = ['keywords', 'title', 'need'] as const;
export type Track = (typeof TRACKS)[number];
export type Query = { id: string; text: string };

export const loadDev = () => {
  const data = dataDir();
  const dev = join(data, 'dev');
  const out = outputDir();
  mkdirSync(out, { recursive: true });
  const docs: MatchDocument[] = parseCorpus(readFileSync(join(dev, 'corpus.jsonl'), 'utf8')).records;
  const queryFile = (track: Track) =>
    track === 'need' ? writeNeedQueries(data, out) : join(dev, `queries-${track}.jsonl`);
  const queries = (track: Track): Query[] => parseQueries(readFileSync(queryFile(track), 'utf8')).records;
  const qrels = new Map<string, Map<string, number>>();
  for (const line of readFileSync(join(dev, 'qrels.tsv'), 'utf8').split('\n')) {
    const [query, owner, grade] = line.split('\t');
    if (!query || !owner || !(Number(grade) > 0)) continue;
    if (!qrels.has(query)) qrels.set(query, new Map());
    qrels.get(query)?.set(owner, Number(grade));
  }
  return { docs, queries, qrels, dev, out };
};

export type Metrics = { 'R@10': number; 'nDCG@10': number; 'MRR@10': number };

/** score.mjs's metrics over the given queries (every query of the list counts, answered or not). */
export const metrics = (
  qrels: ReadonlyMap<string, ReadonlyMap<string, number>>,
  ranked: ReadonlyMap<string, readonly string[]>,
  queryIds: readonly string[],
): Metrics => {
  let recall = 0;
  let ndcg = 0;
  let mrr = 0;
  let counted = 0;
  for (const id of queryIds) {
    const relevant = qrels.get(id);
    if (!relevant) continue;
    counted++;
    let hits = 0;
    let dcg = 0;
    let rr = 0;
    (ranked.get(id) ?? []).slice(0, 10).forEach((owner, i) => {
      const grade = relevant.get(owner) ?? 0;
      if (grade <= 0) return;
      hits++;
      dcg += grade / Math.log2(i + 2);
      if (!rr) rr = 1 / (i + 1);
    });
    const ideal = [...relevant.values()].sort((a, b) => b - a).slice(0, 10);
    const idcg = ideal.reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0);
    recall += hits / relevant.size;
    ndcg += idcg > 0 ? dcg / idcg : 0;
    mrr += rr;
  }
  const n = Math.max(counted, 1);
  return { 'R@10': recall / n, 'nDCG@10': ndcg / n, 'MRR@10': mrr / n };
};
