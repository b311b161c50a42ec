/**
 * The matchmaking figures of issue 5, printed (not a timed test):
 *   1. recommendations for a need through the HTTP API, p50/p95, with 50,000 achievements and
 *      5,000 needs in the database;
 *   2. how long a changed achievement takes to appear in recommendations (this process, and a
 *      second process catching up from the change log);
 *   3. start-up of the index from a current serialised snapshot;
 * each beside the bare engine's own time for the same work, so the server's overhead is a ratio.
 *
 * Data: the shared matching corpus (../shared/data/match/dev/corpus.jsonl, or $GAODI_MATCH_DATA),
 * recombined at run time into achievements (title and keywords of one paper, abstract of it and a
 * slice of another) and needs (a paper's title and keywords); nothing is stored in the repository.
 * Without the corpus, synthetic text is used. Database: in-memory PGlite, or $GAODI_BENCH_PG_URL.
 *
 *   npm run bench:matchmaking [-- --achievements 50000 --needs 5000 --queries 300]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadMatchingEngine } from '@gaodi/matching';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.ts';
import type { MatchIndex } from '../../apps/server/src/modules/matchmaking/index.ts';
import {
  createMatchIndex,
  MATCH_INDEX_FORMAT,
  readSnapshotParts,
} from '../../apps/server/src/modules/matchmaking/index.ts';
import { createManualClock } from '../../apps/server/src/platform/clock.ts';
import { type Database, rowsOf } from '../../apps/server/src/platform/db/database.ts';
import { type BenchApp, benchArgs, openDemoDatabase, signIn } from '../harness.ts';

const args = benchArgs({ achievements: '50000', needs: '5000', queries: '300', bigrams: '1' });
const ACHIEVEMENTS = Number(args.achievements);
const NEEDS = Number(args.needs);
const QUERIES = Number(args.queries);
/** `--bigrams 0`: the engine without character bigrams (the trade-off noted in match-index.ts). */
const engineOptions = args.bigrams === '0' ? { bigramWeight: 0 } : undefined;
const JX = '370828';

type Paper = { owners: string[]; title: string; keywords: string[]; text: string };

function loadCorpus(): Paper[] {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = process.env.GAODI_MATCH_DATA ?? join(root, '..', 'shared', 'data', 'match');
  const file = join(dir, 'dev', 'corpus.jsonl');
  if (!existsSync(file)) {
    console.log(`  (corpus not found at ${file}: synthetic text)`);
    const words = [
      '大蒜',
      '提取',
      '稳定化',
      '催化',
      '合成',
      '储能',
      '电池',
      '建材',
      '固废',
      '检测',
      '装备',
      '发酵',
      '涂层',
      '传感',
    ];
    return Array.from({ length: 5000 }, (_, i) => {
      const pick = (n: number) =>
        Array.from({ length: n }, (_, k) => words[(i * 7 + k * 13) % words.length]).join('');
      return {
        owners: [`合成研究院${i % 400}`],
        title: pick(4),
        keywords: [pick(2), pick(1)],
        text: pick(30),
      };
    });
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Paper);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function bulkInsert(db: Database, table: string, columns: string[], rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.owner.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${sql.raw(columns.map((c) => `"${c}"`).join(', '))}) VALUES ${sql.join(
        chunk.map(
          (r) =>
            sql`(${sql.join(
              r.map((v) => sql`${v}`),
              sql`, `,
            )})`,
        ),
        sql`, `,
      )}`,
    );
  }
}

async function seed(db: Database, corpus: Paper[]) {
  const started = performance.now();
  // Institutes: the corpus owners of the papers used (first owner of each paper).
  const used = Array.from({ length: ACHIEVEMENTS }, (_, k) => corpus[k % corpus.length] as Paper);
  const names = [...new Set(used.map((p) => (p.owners[0] ?? '未署名院所').slice(0, 100)))];
  await bulkInsert(
    db,
    'institutes',
    ['region_code', 'name', 'search_text', 'kind', 'level', 'city'],
    names.map((name) => [JX, `${name}·bench`, name, 'research', 'other', '']),
  );
  const instituteId = new Map(
    rowsOf<{ id: string; name: string }>(
      await db.owner.execute(sql`SELECT id, name FROM institutes WHERE region_code = ${JX}`),
    ).map((r) => [r.name, r.id]),
  );
  const now = new Date('2026-11-01T00:00:00Z').toISOString();
  await bulkInsert(
    db,
    'achievements',
    [
      'region_code',
      'institute_id',
      'title',
      'abstract',
      'keywords',
      'trl',
      'ip_type',
      'created_at',
      'updated_at',
    ],
    used.map((p, k) => {
      const other = corpus[(k * 7919 + 13) % corpus.length] as Paper;
      return [
        JX,
        instituteId.get(`${(p.owners[0] ?? '未署名院所').slice(0, 100)}·bench`),
        p.title.slice(0, 200),
        `${p.text} ${other.text.slice(0, 160)}`.slice(0, 10_000),
        JSON.stringify(p.keywords.slice(0, 20)),
        1 + (k % 9),
        'none',
        now,
        now,
      ];
    }),
  );
  const enterprises = rowsOf<{ id: string }>(
    await db.owner.execute(sql`SELECT id FROM enterprises WHERE region_code = ${JX}`),
  ).map((r) => r.id);
  await bulkInsert(
    db,
    'tech_needs',
    [
      'region_code',
      'enterprise_id',
      'title',
      'description',
      'keywords',
      'stage',
      'stage_changed_at',
      'created_at',
      'updated_at',
    ],
    Array.from({ length: NEEDS }, (_, k) => {
      const p = corpus[(k * 104_729 + 7) % corpus.length] as Paper;
      return [
        JX,
        enterprises[k % enterprises.length],
        p.title.slice(0, 120),
        `需要${p.keywords.join('、')}方面的技术合作。`,
        JSON.stringify(p.keywords.slice(0, 20)),
        'published',
        now,
        now,
        now,
      ];
    }),
  );
  return performance.now() - started;
}

type BareEngine = ReturnType<typeof loadMatchingEngine>;
type Headers = { cookie: string; 'x-csrf-token': string };
const filters = { anyTags: [`party:${JX}`] };

/** The demo plus the corpus's achievements and needs, with the index's snapshot cleared. */
async function openSeededDatabase() {
  const pgUrl = process.env.GAODI_BENCH_PG_URL;
  const db = await openDemoDatabase(pgUrl ? { engine: 'postgres', url: pgUrl } : { engine: 'pglite' }, {
    withMfa: false,
  });
  await db.owner.execute(sql`DELETE FROM match_index_snapshots`);
  const corpus = loadCorpus();
  console.log(
    `\nGaodi matchmaking bench — ${db.engine}, ${ACHIEVEMENTS} achievements, ${NEEDS} needs, corpus ${corpus.length} papers`,
  );
  const seedMs = await seed(db, corpus);
  const [counts] = rowsOf<{ a: number; n: number }>(
    await db.owner.execute(
      sql`SELECT (SELECT count(*)::int FROM achievements) AS a, (SELECT count(*)::int FROM tech_needs) AS n`,
    ),
  );
  console.log(
    `  in the database: ${counts?.a} achievements, ${counts?.n} needs (bulk insert ${(seedMs / 1000).toFixed(1)} s)`,
  );
  return db;
}

/** Start-up: a rebuild from the tables (writes the snapshot), then a start from that snapshot; the bare engine loaded from it. */
async function startIndex(db: Database) {
  const rebuild = createMatchIndex({ db, engineOptions });
  const rebuildStats = await rebuild.start();
  const index = createMatchIndex({ db, engineOptions });
  const startStats = await index.start();
  const parts = await readSnapshotParts(db);
  if (parts.length === 0 || !parts[0]?.format.startsWith(MATCH_INDEX_FORMAT))
    throw new Error('no snapshot stored');
  const raw = gunzipSync(Buffer.concat(parts.map((p) => p.bytes)));
  const snapshotMb = parts.reduce((n, p) => n + p.bytes.byteLength, 0) / 1024 / 1024;
  const bareLoadStarted = performance.now();
  const bare = loadMatchingEngine(new Uint8Array(raw));
  const bareLoadMs = performance.now() - bareLoadStarted;
  const note = `(rebuild from the tables: ${(rebuildStats.startMs / 1000).toFixed(1)} s for ${rebuildStats.documents} documents incl. saving the snapshot; snapshot ${snapshotMb.toFixed(1)} MB gzip, ${(raw.byteLength / 1024 / 1024).toFixed(1)} MB raw)`;
  return { index, bare, startMs: startStats.startMs, bareLoadMs, note };
}

/** The app with its own match index (a second one stands for a second process). */
async function startApp(db: Database, index: MatchIndex, clock: ReturnType<typeof createManualClock>) {
  const app = await buildApp({ db, clock, matchIndex: index, loginRateLimitPerMinute: 10_000 });
  await app.ready();
  return app;
}
/** 1. Recommendations for a need through HTTP vs the same three engine calls. */
async function timeRecommendations(db: Database, app: BenchApp, headers: Headers, bare: BareEngine) {
  const needs = rowsOf<{ id: string; title: string; description: string; keywords: string[] }>(
    await db.owner.execute(
      sql`SELECT id, title, description, keywords FROM tech_needs WHERE stage = 'published' ORDER BY id LIMIT ${QUERIES}`,
    ),
  );
  for (const n of needs.slice(0, 20))
    await app.inject({ method: 'GET', url: `/api/needs/${n.id}/recommendations`, headers }); // warm-up
  const httpTimes: number[] = [];
  for (const n of needs) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/needs/${n.id}/recommendations`, headers });
    httpTimes.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`recommendations ${res.statusCode}: ${res.body}`);
  }
  const engineTimes: number[] = [];
  for (const n of needs) {
    // The same engine call the server makes for one recommendation request.
    const text = [n.title, n.keywords.join(' '), n.description.slice(0, 400)].join('\n');
    const t0 = performance.now();
    bare.search(text, { top: 10, explain: true, filters });
    engineTimes.push(performance.now() - t0);
  }
  return { queries: needs.length, httpTimes, engineTimes };
}

/** A published need whose recommendations a changed achievement will enter, and that achievement. */
async function needAndTarget(db: Database, app: BenchApp, headers: Headers, term: string) {
  const needRes = await app.inject({
    method: 'POST',
    url: '/api/needs',
    headers,
    payload: {
      enterpriseId: rowsOf<{ id: string }>(
        await db.owner.execute(sql`SELECT id FROM enterprises WHERE region_code = ${JX} LIMIT 1`),
      )[0]?.id,
      title: term,
      description: `${term}的制备与检测`,
    },
  });
  const need = needRes.json() as { id: string };
  for (const to of ['reviewed', 'published'])
    await app.inject({ method: 'POST', url: `/api/needs/${need.id}/stage`, headers, payload: { to } });
  const [target] = rowsOf<{ id: string; title: string; abstract: string; trl: number; institute_id: string }>(
    await db.owner.execute(
      sql`SELECT id, title, abstract, trl, institute_id FROM achievements ORDER BY id LIMIT 1 OFFSET 777`,
    ),
  );
  if (!target) throw new Error('no achievement');
  return { need, target };
}

/** 2. A changed achievement: how soon recommendations show it (this process; another process). */
async function timeChangeVisible(
  db: Database,
  app: BenchApp,
  app2: BenchApp,
  headers: Headers,
  bare: BareEngine,
) {
  const term = '蒜氨酸量子点荧光探针';
  const { need, target } = await needAndTarget(db, app, headers, term);
  const appears = async (a: BenchApp) => {
    const res = await a.inject({
      method: 'GET',
      url: `/api/needs/${need.id}/recommendations?top=5`,
      headers,
    });
    return (res.json() as { achievements: { id: string }[] }).achievements.some((x) => x.id === target.id);
  };
  const changeStarted = performance.now();
  const put = await app.inject({
    method: 'PUT',
    url: `/api/achievements/${target.id}`,
    headers,
    payload: {
      title: `${term}制备技术`,
      abstract: `${term}。${target.abstract}`.slice(0, 10_000),
      keywords: [term],
      trl: target.trl,
    },
  });
  if (put.statusCode !== 200) throw new Error(`update ${put.statusCode}: ${put.body}`);
  while (!(await appears(app))) {
    if (performance.now() - changeStarted > 10_000) throw new Error('change not visible after 10 s');
  }
  const visibleHere = performance.now() - changeStarted;
  while (!(await appears(app2))) {
    if (performance.now() - changeStarted > 10_000)
      throw new Error('change not visible in the second process after 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  const visibleThere = performance.now() - changeStarted;
  const bareUpdateStarted = performance.now();
  bare.update({
    id: `achievement:${target.id}`,
    owners: [target.institute_id],
    fields: { title: `${term}制备技术`, keywords: [term], text: `${term}。${target.abstract}` },
    tags: ['kind:achievement', `party:${JX}`],
  });
  bare.search(term, { top: 5, filters });
  return { visibleHere, visibleThere, bareUpdateMs: performance.now() - bareUpdateStarted };
}

async function main() {
  const db = await openSeededDatabase();
  const startup = await startIndex(db);
  const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
  const app = await startApp(db, startup.index, clock);
  const { headers } = await signIn(app, 'jx_staff');
  const recs = await timeRecommendations(db, app, headers, startup.bare);
  const second = createMatchIndex({ db, engineOptions });
  await second.start();
  const app2 = await startApp(db, second, clock);
  const change = await timeChangeVisible(db, app, app2, headers, startup.bare);

  const { httpTimes, engineTimes } = recs;
  const p95 = percentile(httpTimes, 95);
  const e95 = percentile(engineTimes, 95);
  const row = (label: string, server: number, engine: number, limit: string, ok: boolean) =>
    console.log(
      `  ${label.padEnd(46)} ${ms(server).padStart(10)}   engine ${ms(engine).padStart(9)}   ×${(server / Math.max(engine, 0.001)).toFixed(1).padStart(5)}   ${limit.padEnd(8)} ${ok ? 'ok' : 'OVER'}`,
    );
  console.log('');
  console.log(
    `  ${'figure'.padEnd(46)} ${'server'.padStart(10)}   ${'bare engine'.padStart(16)}   ratio   limit`,
  );
  row(`recommendations p95 (HTTP, ${recs.queries} needs)`, p95, e95, '< 100 ms', p95 < 100);
  row('recommendations p50 (HTTP)', percentile(httpTimes, 50), percentile(engineTimes, 50), '', true);
  const { visibleHere, visibleThere, bareUpdateMs } = change;
  row('changed achievement visible, same process', visibleHere, bareUpdateMs, '< 1 s', visibleHere < 1000);
  row(
    'changed achievement visible, second process',
    visibleThere,
    bareUpdateMs,
    '< 1 s',
    visibleThere < 1000,
  );
  row('start-up from current snapshot', startup.startMs, startup.bareLoadMs, '< 5 s', startup.startMs < 5000);
  console.log(`  ${startup.note}`);
  console.log('');
  await app2.close();
  await app.close();
  await db.close();
}

await main();
