import { sql } from 'drizzle-orm';
import { type Database, rowsOf, type Scope } from '../../apps/server/src/platform/db/database.ts';
import { benchArgs, openDemoDatabase, pct, signIn, startBenchApp } from '../harness.ts';

/**
 * npm run bench:incubation [-- --carriers 500 --incubatees 50000 --quarters 8 --runs 40]
 *
 * Seeds one county with carriers of the four kinds (a tenth of them in the 大兴 enclave) with two
 * years of monthly occupancy, incubatees spread over them (each with an entry and a move up the
 * chain, a visit, and `quarters` quarterly reports: 400,000 at the defaults), then times through
 * the real HTTP stack the carrier page and the incubatee page with its chain view, p50 and p95,
 * each beside hand-written SQL reading the same rows in as few statements as it can (same scope,
 * so row-level security included). Figures, not a test.
 */
const values = benchArgs({ carriers: '500', incubatees: '50000', quarters: '8', runs: '40' });
const RUNS = Number(values.runs);
const C = Number(values.carriers);
const N = Number(values.incubatees);
const Q = Number(values.quarters);

async function timed(ids: string[], fn: (id: string) => Promise<unknown>) {
  const xs: number[] = [];
  await fn(ids[0] as string); // warm
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn(ids[i % ids.length] as string);
    xs.push(performance.now() - t0);
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95) };
}

/** Everything in set-based statements on the owner connection (the demo's region, demo's clock). */
async function seed(db: Database) {
  const run = (q: ReturnType<typeof sql>) => db.owner.execute(q);
  await run(sql`INSERT INTO incubation_carriers (region_code, name, kind, cert_level, area_m2, seats, rooms,
      location_region_code, services, created_at, updated_at)
    SELECT '370828', '基准载体' || g, (ARRAY['maker_space','incubator','accelerator','park'])[1 + g % 4],
      'provincial', 5000, 200, 40, CASE WHEN g % 10 = 0 THEN '110115' END, ARRAY['创业辅导','投融资对接'], now(), now()
    FROM generate_series(1, ${C}) g`);
  await run(sql`INSERT INTO carrier_occupancy (region_code, carrier_id, "on", seats_used, area_used)
    SELECT '370828', c.id, (date '2025-01-01' + (m || ' month')::interval)::date, 100 + m, 2000 + m * 10
    FROM incubation_carriers c, generate_series(0, 23) m WHERE c.name LIKE '基准载体%'`);
  await run(sql`CREATE TEMP TABLE bench_carriers AS
    SELECT row_number() OVER (ORDER BY name) - 1 AS k, id, kind, location_region_code
    FROM incubation_carriers WHERE name LIKE '基准载体%'`);
  await run(sql`INSERT INTO incubatees (region_code, name, credit_code, stage, stage_changed_at, carrier_id,
      entered_on, rd_region_code, created_at, updated_at)
    SELECT '370828', '基准主体' || g, NULL, c.kind, now(), c.id, date '2024-01-01' + (g % 600), c.location_region_code, now(), now()
    FROM generate_series(1, ${N}) g JOIN bench_carriers c ON c.k = g % ${C}`);
  await run(sql`INSERT INTO incubatee_moves (region_code, incubatee_id, "on", from_stage, to_stage, carrier_id, text, at)
    SELECT '370828', n.id, n.entered_on - 200, NULL, 'maker_space', NULL, '入驻', now() - interval '1 day'
    FROM incubatees n WHERE n.name LIKE '基准主体%'
    UNION ALL
    SELECT '370828', n.id, n.entered_on, 'maker_space', n.stage, n.carrier_id, '阶段变更', now()
    FROM incubatees n WHERE n.name LIKE '基准主体%'`);
  await run(sql`INSERT INTO incubatee_visits (region_code, incubatee_id, "on", visitor, notes, problems, created_at)
    SELECT '370828', n.id, n.entered_on + 30, '张敏', '了解经营情况', '', now() FROM incubatees n WHERE n.name LIKE '基准主体%'`);
  await run(sql`INSERT INTO incubatee_reports (region_code, incubatee_id, year, quarter, revenue, staff, rd_spend,
      ip_count, financing, updated_at)
    SELECT '370828', n.id, 2024 + q / 4, 1 + q % 4, 100 + q, 10, 20, 1, 0, now()
    FROM incubatees n, generate_series(0, ${Q - 1}) q WHERE n.name LIKE '基准主体%'`);
  await run(sql`ANALYZE`);
}

const db = await openDemoDatabase({ engine: 'pglite' });
const t0 = performance.now();
await seed(db);
const [n] = rowsOf<{ carriers: number; incubatees: number; reports: number; moves: number }>(
  await db.owner.execute(sql`SELECT (SELECT count(*)::int FROM incubation_carriers) AS carriers,
    (SELECT count(*)::int FROM incubatees) AS incubatees, (SELECT count(*)::int FROM incubatee_reports) AS reports,
    (SELECT count(*)::int FROM incubatee_moves) AS moves`),
);
console.log(`seeded ${JSON.stringify(n)} in ${((performance.now() - t0) / 1000).toFixed(1)} s (pglite)`);

const app = await startBenchApp(db);
const { me, get } = await signIn(app, 'jx_leader');
const scope: Scope = { userId: me.id, role: 'leader', regionCodes: ['370828'] };
const pick = async (q: ReturnType<typeof sql>) =>
  rowsOf<{ id: string }>(await db.owner.execute(q)).map((r) => r.id);
const carrierIds = await pick(
  sql`SELECT id FROM incubation_carriers WHERE name LIKE '基准载体%' ORDER BY random() LIMIT 40`,
);
const incubateeIds = await pick(
  sql`SELECT id FROM incubatees WHERE name LIKE '基准主体%' ORDER BY random() LIMIT 40`,
);

/** The carrier page's rows in three statements: the carrier with its count and latest occupancy, its occupancy, its incubatees. */
const bareCarrier = (id: string) =>
  db.transaction(scope, async (tx) => {
    await tx.execute(sql`SELECT c.*, o.seats_used, o.area_used,
        (SELECT count(*) FROM incubatees n WHERE n.carrier_id = c.id AND n.stage IN ('maker_space','incubator','accelerator','park')) AS n
      FROM incubation_carriers c
      LEFT JOIN LATERAL (SELECT seats_used, area_used FROM carrier_occupancy WHERE carrier_id = c.id ORDER BY "on" DESC LIMIT 1) o ON true
      WHERE c.id = ${id}`);
    await tx.execute(
      sql`SELECT "on", seats_used, area_used FROM carrier_occupancy WHERE carrier_id = ${id} ORDER BY "on"`,
    );
    await tx.execute(sql`SELECT id, name, credit_code, stage, entered_on FROM incubatees
      WHERE carrier_id = ${id} AND stage IN ('maker_space','incubator','accelerator','park') ORDER BY entered_on DESC LIMIT 500`);
  });
/** The chain view in one statement: the incubatee with its path, visits and reports as JSON arrays. */
const bareChain = (id: string) =>
  db.transaction(scope, (tx) =>
    tx.execute(sql`SELECT n.*, c.name AS carrier_name,
      (SELECT json_agg(m ORDER BY m.at) FROM (SELECT m.on, m.to_stage, m.at, k.name, coalesce(k.location_region_code, k.region_code) AS city
         FROM incubatee_moves m LEFT JOIN incubation_carriers k ON k.id = m.carrier_id WHERE m.incubatee_id = n.id) m) AS chain,
      (SELECT json_agg(v) FROM incubatee_visits v WHERE v.incubatee_id = n.id) AS visits,
      (SELECT json_agg(r ORDER BY r.year DESC, r.quarter DESC) FROM incubatee_reports r WHERE r.incubatee_id = n.id) AS reports
      FROM incubatees n LEFT JOIN incubation_carriers c ON c.id = n.carrier_id WHERE n.id = ${id}`),
  );

const cases = [
  {
    what: 'carrier page (~100 incubatees)',
    ids: carrierIds,
    app: (id: string) => get(`/api/incubation/carriers/${id}`),
    bare: bareCarrier,
  },
  {
    what: 'incubatee page with chain view',
    ids: incubateeIds,
    app: (id: string) => get(`/api/incubatees/${id}`),
    bare: bareChain,
  },
];
console.log(
  `\n${'what'.padEnd(34)} ${'app p50'.padStart(9)} ${'app p95'.padStart(9)} ${'sql p50'.padStart(9)} ${'sql p95'.padStart(9)}  target p95 < 150 ms`,
);
for (const c of cases) {
  const appMs = await timed(c.ids, c.app);
  const sqlMs = await timed(c.ids, c.bare);
  console.log(
    `${c.what.padEnd(34)} ${appMs.p50.toFixed(1).padStart(9)} ${appMs.p95.toFixed(1).padStart(9)} ${sqlMs.p50.toFixed(1).padStart(9)} ${sqlMs.p95.toFixed(1).padStart(9)}  ${appMs.p95 < 150 ? 'ok' : 'SLOW'}`,
  );
}
await app.close();
await db.close();
