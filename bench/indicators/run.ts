import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { definitionOf } from '../../apps/server/src/modules/indicators/indicators.lookup.ts';
import { freezeMonth } from '../../apps/server/src/modules/indicators/operations/freeze-month.ts';
import { recordsPageSql } from '../../apps/server/src/modules/indicators/operations/list-indicator-records.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import { type Database, rowsOf, type Scope } from '../../apps/server/src/platform/db/database.ts';
import { benchArgs, openDemoDatabase, pct, signIn, startBenchApp, startPostgres } from '../harness.ts';
import { clusterCpuMs } from '../pg-cpu.ts';

/**
 * npm run bench:indicators [-- --projects 400000 --events 40000 --runs 30 --explain 1]
 *
 * Province scale on a throwaway PostgreSQL cluster: 山东省 with 16 cities and 136 counties,
 * `projects` cooperation projects (signed over two years, a third landed, some stopped) and
 * `events` matchmaking events spread over the counties. Times through the real HTTP stack the
 * province leader's dashboard (every indicator of the province) and a county's drill-down (one
 * page of signed projects), each beside the best bare SQL in the same RLS scope, and the month-end
 * snapshot of the whole province.
 */
const values = benchArgs({ projects: '400000', events: '40000', runs: '30', explain: '' });
const PROJECTS = Number(values.projects);
const EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const YEAR = new Date().getUTCFullYear();
const COUNTY = '370828';
const loads = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** The cluster's data directory: its processes' CPU is read from /proc (bench/pg-cpu.ts). */
async function dataDirOf(db: Database): Promise<string> {
  const [row] = rowsOf<{ d: string }>(
    await db.owner.execute(sql`SELECT current_setting('data_directory') AS d`),
  );
  return row?.d ?? '';
}

async function seed(db: Database) {
  const o = db.owner;
  // 16 cities (3701..3716, 济宁 3708 among them) with 136 counties between them.
  await o.execute(sql`
    INSERT INTO regions (code, name, name_en, parent_code, level)
    SELECT lpad((3700 + c)::text, 4, '0') || '00', '基准市' || c, 'City ' || c, '370000', 'city'
    FROM generate_series(1, 16) c ON CONFLICT DO NOTHING`);
  await o.execute(sql`
    INSERT INTO regions (code, name, name_en, parent_code, level)
    SELECT lpad((3700 + c)::text, 4, '0') || lpad(k::text, 2, '0'), '基准县' || c || '-' || k, 'County ' || c || '-' || k,
           lpad((3700 + c)::text, 4, '0') || '00', 'county'
    FROM generate_series(1, 16) c, generate_series(1, CASE WHEN c <= 8 THEN 9 ELSE 8 END) k
    ON CONFLICT DO NOTHING`);
  await o.execute(sql`
    CREATE TABLE bench_counties AS
    SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM regions WHERE level = 'county' AND code LIKE '37%'`);
  const [{ n: counties } = { n: 0 }] = rowsOf<{ n: number }>(
    await o.execute(sql`SELECT count(*)::int AS n FROM bench_counties`),
  );
  await o.execute(sql`
    INSERT INTO cooperation_projects (region_code, rd_region_code, title, kind, stage, signed_on, landed_on,
      stage_changed_at, created_at, updated_at)
    SELECT c.code, c.code, '基准合作项目 ' || g, 'development',
      CASE WHEN g % 3 = 0 THEN 'landed' WHEN g % 17 = 0 THEN 'stopped' ELSE 'signed' END,
      least(make_date(${YEAR} - (g % 2), 1, 1) + (g % 330), current_date),
      CASE WHEN g % 3 = 0 THEN least(make_date(${YEAR} - (g % 2), 1, 1) + (g % 330) + 20, current_date) END,
      now(), now(), now()
    FROM generate_series(1, ${PROJECTS}) g JOIN bench_counties c ON c.i = g % ${counties}`);
  await o.execute(sql`
    INSERT INTO matchmaking_events (region_code, title, kind, held_on, organiser, checkin_token, created_at, updated_at)
    SELECT c.code, '基准对接活动 ' || g, 'forum', least(make_date(${YEAR} - (g % 2), 1, 1) + (g % 330), current_date), '科技局', md5('bench' || g), now(), now()
    FROM generate_series(1, ${EVENTS}) g JOIN bench_counties c ON c.i = g % ${counties}`);
  await o.execute(sql`UPDATE users SET region_code = '370000' WHERE username = 'jn_leader'`);
  await o.execute(sql`ANALYZE`);
  return counties;
}

/** The figures timed through HTTP, each beside the hand-written SQL over the same rows. */
function benchCases(arr: ReturnType<typeof sql>) {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR + 1}-01-01`;
  return [
    {
      what: 'province dashboard (all figures)',
      url: `/api/indicators?year=${YEAR}&region=370000`,
      target: 300,
      bare: sql`SELECT
        (SELECT count(*) FROM cooperation_projects WHERE signed_on >= ${from}::date AND signed_on < ${to}::date AND region_code = ANY(${arr})),
        (SELECT count(*) FROM cooperation_projects WHERE stage = 'landed' AND landed_on >= ${from}::date AND landed_on < ${to}::date AND region_code = ANY(${arr})),
        (SELECT count(*) FROM matchmaking_events WHERE deleted_at IS NULL AND held_on >= ${from}::date AND held_on < ${to}::date AND region_code = ANY(${arr}))`,
      // The same pre-aggregation read by hand: the stored per-region counts summed, no freshness test.
      summed: sql`SELECT k.key, sum(k.value::int) FROM indicator_region_counts c, jsonb_each_text(c.counts) k
        WHERE c.year = ${YEAR} AND c.region_code = ANY(${arr}) GROUP BY k.key`,
    },
    {
      what: "a county's drill-down (page 1)",
      url: `/api/indicators/signed_projects/records?year=${YEAR}&region=${COUNTY}`,
      target: 150,
      bare: sql`SELECT id, title, signed_on FROM cooperation_projects
        WHERE region_code = ${COUNTY} AND signed_on >= ${from}::date AND signed_on < ${to}::date
        ORDER BY signed_on DESC, id LIMIT 50`,
      // The page with its total, as the drill-down answers (the reference above has no total).
      summed: sql`SELECT id, title, signed_on, count(*) OVER () FROM cooperation_projects
        WHERE region_code = ${COUNTY} AND signed_on >= ${from}::date AND signed_on < ${to}::date
        ORDER BY signed_on DESC, id LIMIT 50`,
    },
    {
      what: 'province by city (signed)',
      url: `/api/indicators/signed_projects/breakdown?year=${YEAR}&region=370000`,
      target: 300,
      bare: sql`SELECT left(region_code, 4), count(*) FROM cooperation_projects
        WHERE signed_on >= ${from}::date AND signed_on < ${to}::date AND region_code = ANY(${arr}) GROUP BY 1`,
      summed: sql`SELECT left(region_code, 4), sum((counts->>'signed_projects')::int) FROM indicator_region_counts
        WHERE year = ${YEAR} AND region_code = ANY(${arr}) GROUP BY 1`,
    },
  ];
}

/** The month-end snapshot of last December over the whole province. */
async function timeSnapshot(db: Database) {
  const china = new Date(Date.now() + 8 * 3_600_000);
  const period = `${china.getUTCFullYear() - 1}-12`;
  const dataDir = await dataDirOf(db);
  const t0 = performance.now();
  const cpu0 = clusterCpuMs(dataDir);
  const result = await freezeMonth({ db, clock: systemClock }, period);
  const s = (performance.now() - t0) / 1000;
  const cpuS = (clusterCpuMs(dataDir) - cpu0) / 1000;
  const [rows] = rowsOf<{ n: number }>(
    await db.owner.execute(
      sql`SELECT count(*)::int AS n FROM indicator_snapshot_records WHERE period = ${period}`,
    ),
  );
  console.log(
    `\nmonth-end snapshot of the whole province (${period}, ${rows?.n} records frozen): ${s.toFixed(1)} s wall, ${cpuS.toFixed(1)} s PostgreSQL CPU ${JSON.stringify(result)}   target < 600 s ${s < 600 ? 'ok' : 'MISSED'} (load average ${loads()})`,
  );
}

type Leader = Awaited<ReturnType<typeof signIn>>;

type Timed = { p50: number; p95: number; cpu: number };

/** Runs `fn` RUNS times: wall p50/p95 and the cluster's CPU per run. */
async function timeRuns(dataDir: string, fn: () => Promise<unknown>): Promise<Timed> {
  const ms: number[] = [];
  let cpu = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = clusterCpuMs(dataDir);
    await fn();
    ms.push(performance.now() - t);
    cpu += clusterCpuMs(dataDir) - c;
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95), cpu: cpu / RUNS };
}

const f = (x: number) => `${x.toFixed(1).padStart(7)}`;
const cols = (x: Timed) => `${f(x.p50)} ${f(x.p95)} ${f(x.cpu)}`;

/**
 * Each case through HTTP as the province leader, beside the old-shape bare SQL (over the records)
 * and the new-shape one (the same pre-aggregated counts, read by hand), both in the leader's
 * scope: wall p50/p95 and PostgreSQL CPU per request, in ms (the cluster's processes: on a shared
 * machine the wall time measures the neighbours too).
 */
async function timeCases(db: Database, leader: Leader) {
  const dataDir = await dataDirOf(db);
  const subtree =
    rowsOf<{ s: string[] }>(await db.owner.execute(sql`SELECT gaodi_region_subtree('370000') AS s`))[0]?.s ??
    [];
  const scope: Scope = { userId: leader.me.id, role: 'leader', regionCodes: subtree };
  const arr = sql`ARRAY[${sql.join(
    subtree.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  const t = performance.now();
  await leader.get(`/api/indicators?year=${YEAR}&region=370000`);
  console.log(
    `\nfirst dashboard read after the bulk load (counts all ${subtree.length} regions): ${(performance.now() - t).toFixed(0)} ms`,
  );
  console.log(
    `\n(ms)                                app p50 app p95  DB CPU | old SQL p50   p95  DB CPU | new SQL p50   p95  DB CPU   target`,
  );
  for (const c of benchCases(arr)) {
    await leader.get(c.url);
    const appT = await timeRuns(dataDir, () => leader.get(c.url));
    const bare = await timeRuns(dataDir, () => db.transaction(scope, (tx) => tx.execute(c.bare)));
    const summed = await timeRuns(dataDir, () => db.transaction(scope, (tx) => tx.execute(c.summed)));
    console.log(
      `${c.what.padEnd(35)}${cols(appT)} | ${cols(bare)} | ${cols(summed)}   p95 < ${c.target} ms ${appT.p95 < c.target ? 'ok' : 'MISSED'}`,
    );
  }
  // Honest cost of a read right after a write: one project signed in a county, then the dashboard
  // (the county is recounted by its definition queries, the other 152 regions read stored).
  let n = 0;
  const afterWrite = await timeRuns(dataDir, async () => {
    await db.owner.execute(sql`
      INSERT INTO cooperation_projects (region_code, rd_region_code, title, kind, stage, signed_on, stage_changed_at, created_at, updated_at)
      VALUES (${COUNTY}, ${COUNTY}, ${`基准新签 ${n++}`}, 'development', 'signed', ${`${YEAR}-01-02`}::date, now(), now(), now())`);
    await leader.get(`/api/indicators?year=${YEAR}&region=370000`);
  });
  console.log(`${'dashboard after a write (write incl.)'.padEnd(35)}${cols(afterWrite)}`);
  console.log(`(load average ${loads()}; DB CPU: mean per request)`);
}

/** --explain: the drill-down's plan as the app runs it, and the statements one request sends. */
async function explainDrillDown(db: Database, leader: Leader) {
  const subtree =
    rowsOf<{ s: string[] }>(await db.owner.execute(sql`SELECT gaodi_region_subtree('370000') AS s`))[0]?.s ??
    [];
  const w = {
    year: YEAR,
    from: `${YEAR}-01-01`,
    to: `${YEAR + 1}-01-01`,
    regions: sql`ARRAY[${COUNTY}]::text[]`,
  };
  const page = recordsPageSql(definitionOf('signed_projects'), w, { page: 1, pageSize: 50 });
  const scope: Scope = { userId: leader.me.id, role: 'leader', regionCodes: subtree };
  const plan = await db.transaction(scope, (tx) => tx.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${page}`));
  console.log(
    rowsOf<{ 'QUERY PLAN': string }>(plan)
      .map((r) => r['QUERY PLAN'])
      .join('\n'),
  );
  const log = join(dirname(await dataDirOf(db)), 'log');
  await db.owner.execute(sql`ALTER SYSTEM SET log_statement = 'all'`);
  await db.owner.execute(sql`SELECT pg_reload_conf()`);
  await new Promise((r) => setTimeout(r, 500));
  const before = statSync(log).size;
  await leader.get(`/api/indicators/signed_projects/records?year=${YEAR}&region=${COUNTY}`);
  await db.owner.execute(sql`ALTER SYSTEM RESET log_statement`);
  await db.owner.execute(sql`SELECT pg_reload_conf()`);
  const sent = readFileSync(log, 'utf8')
    .slice(before)
    .split('\n')
    .filter((l) => /(statement|execute [^:]*): /.test(l));
  console.log(
    `\nstatements of one drill-down request (${sent.length}):\n${sent.map((l) => l.replace(/^.*?(statement|execute [^:]*): /, '').slice(0, 160)).join('\n')}`,
  );
}

async function main() {
  const cluster = await startPostgres();
  if (!cluster) throw new Error('bench:indicators needs PostgreSQL (/usr/lib/postgresql/*/bin)');
  try {
    const db = await openDemoDatabase({ engine: 'postgres', url: cluster.url });
    try {
      const t0 = performance.now();
      const counties = await seed(db);
      console.log(
        `seeded ${counties} counties, ${PROJECTS} projects, ${EVENTS} events in ${((performance.now() - t0) / 1000).toFixed(1)} s (PostgreSQL ${cluster.version})`,
      );
      const app = await startBenchApp(db);
      const leader = await signIn(app, 'jn_leader');
      if (values.explain) await explainDrillDown(db, leader);
      await timeCases(db, leader);
      await timeSnapshot(db);
      await app.close();
    } finally {
      await db.close();
    }
  } finally {
    cluster.stop();
  }
}

await main();
