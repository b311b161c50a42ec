import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { MatchDocument } from '../engine.ts';
import { type LineError, parseCorpus, parseQueries } from './parse-lines.ts';

/**
 * The batch interface shared by this engine and the benchmark's reference engines:
 *   --corpus FILE --queries FILE [--top 10] [--options JSON]
 * stdout: one `{"query", "results": [{"owner", "score"}]}` line per query, best first.
 * stderr: bad input lines as `FILE:LINE: message`, then a one-line JSON summary.
 * This module is the only one that touches fs and process.
 */
export type BatchEngine = {
  search: (
    text: string,
    top: number,
  ) => Array<{ owner: string; score: number }> | Promise<Array<{ owner: string; score: number }>>;
};

export type BatchEngineFactory = (
  docs: MatchDocument[],
  options: Record<string, unknown>,
) => BatchEngine | Promise<BatchEngine>;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);

const round = (value: number) => Math.round(value * 100) / 100;

const reportErrors = (file: string, errors: LineError[]) => {
  for (const { line, message } of errors) process.stderr.write(`${file}:${line}: ${message}\n`);
};

export const runBatch = async (name: string, factory: BatchEngineFactory): Promise<void> => {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      queries: { type: 'string' },
      top: { type: 'string', default: '10' },
      options: { type: 'string', default: '{}' },
    },
  });
  const top = Number(values.top);
  if (!values.corpus || !values.queries || !Number.isInteger(top) || top < 1) {
    process.stderr.write('usage: --corpus FILE --queries FILE [--top N] [--options JSON]\n');
    process.exit(2);
  }
  const corpus = parseCorpus(readFileSync(values.corpus, 'utf8'));
  reportErrors(values.corpus, corpus.errors);
  const queries = parseQueries(readFileSync(values.queries, 'utf8'));
  reportErrors(values.queries, queries.errors);

  const indexStart = performance.now();
  const engine = await factory(corpus.records, JSON.parse(values.options ?? '{}') as Record<string, unknown>);
  const indexMs = performance.now() - indexStart;

  const timings: number[] = [];
  const lines: string[] = [];
  for (const query of queries.records) {
    const start = performance.now();
    const results = await engine.search(query.text, top);
    timings.push(performance.now() - start);
    lines.push(JSON.stringify({ query: query.id, results }));
  }
  lines.push('');
  process.stdout.write(lines.join('\n'));
  timings.sort((a, b) => a - b);
  const summary = {
    engine: name,
    documents: corpus.records.length,
    queries: queries.records.length,
    badLines: corpus.errors.length + queries.errors.length,
    indexMs: round(indexMs),
    queryP50Ms: round(percentile(timings, 0.5)),
    queryP95Ms: round(percentile(timings, 0.95)),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
  };
  process.stderr.write(`${JSON.stringify(summary)}\n`);
};
