import { sql } from 'drizzle-orm';
import { rowsOf, type Scope, type Tx } from '../../apps/server/src/platform/db/database.ts';
import { chinaDay } from '../../apps/server/src/platform/jobs/jobs.ts';
import { seedPlatformsAndTalents } from '../../apps/server/src/test/platforms-seed.ts';
import { benchArgs, openDemoDatabase, pct, signIn, startBenchApp } from '../harness.ts';
import {
  referenceByIndustry,
  referenceIndustryPage,
  referenceList,
  referenceOperating,
} from './reference.ts';

/**
 * npm run bench:platforms [-- --platforms 2000 --years 10 --talents 50000 --runs 40]
 *
 * Seeds one county with platforms × years of evidence and talents, then times through the real
 * HTTP stack the platform list (plain, operating only, by industry) and the industry page, p50 and
 * p95, each beside a hand-written reference for the same answer (reference.ts: one statement per
 * page, same indexes, same scope so row-level security included). Figures, not a test (its short
 * version: modules/elements/elements.bench.int.test.ts).
 *
 * Measured (PGlite, the shared 2-core machine at load ≈ 16), p50/p95 ms, ours beside the reference:
 * list 40/78 (35/56), operating only 44/114 (28/46), by industry 30/118 (14/41), industry page
 * 231/375 (188/255). Before the stored operating status (load ≈ 3): operating only 543/972, industry
 * page 860/1277. The industry page's floor is counting an industry's ~8,300 visible talents under
 * row-level security (the reference pays it too).
 */
const values = benchArgs({ platforms: '2000', years: '10', talents: '50000', runs: '40' });
const RUNS = Number(values.runs);
const year = Number(chinaDay(new Date()).slice(0, 4));

/** Times `a` and `b` alternately (both meet the same load on a shared machine). */
async function timedPair(a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const xs: number[] = [];
  const ys: number[] = [];
  await a(); // warm
  await b();
  for (let i = 0; i < RUNS; i++) {
    for (const [fn, out] of [
      [a, xs],
      [b, ys],
    ] as const) {
      const t0 = performance.now();
      await fn();
      out.push(performance.now() - t0);
    }
  }
  return [
    { p50: pct(xs, 50), p95: pct(xs, 95) },
    { p50: pct(ys, 50), p95: pct(ys, 95) },
  ] as const;
}

const db = await openDemoDatabase({ engine: 'pglite' });
const t0 = performance.now();
const counts = await seedPlatformsAndTalents(db, {
  platforms: Number(values.platforms),
  years: Number(values.years),
  talents: Number(values.talents),
  year,
});
console.log(`seeded ${JSON.stringify(counts)} in ${((performance.now() - t0) / 1000).toFixed(1)} s (pglite)`);
const app = await startBenchApp(db);
const { me, get } = await signIn(app, 'jx_leader');
const scope: Scope = { userId: me.id, role: 'leader', regionCodes: ['370828'] };
const industry = rowsOf<{ id: string }>(
  await db.owner.execute(
    sql`SELECT id FROM industries WHERE region_code = '370828' AND code = 'garlic-food'`,
  ),
)[0]?.id as string;
const inScope = (fn: (tx: Tx) => Promise<unknown>) => () => db.transaction(scope, fn);
const cases: { what: string; url: string; bare: () => Promise<unknown> }[] = [
  {
    what: 'platform list',
    url: '/api/platforms?pageSize=20',
    bare: inScope((tx) => referenceList(tx, year)),
  },
  {
    what: 'platform list, operating only',
    url: '/api/platforms?pageSize=20&isOperating=true',
    bare: inScope((tx) => referenceOperating(tx, year)),
  },
  {
    what: 'platform list, by industry',
    url: `/api/platforms?pageSize=20&industryId=${industry}`,
    bare: inScope((tx) => referenceByIndustry(tx, year, industry)),
  },
  {
    what: 'industry page (大蒜及食品加工)',
    url: `/api/elements/industries/${industry}`,
    bare: inScope((tx) => referenceIndustryPage(tx, year, industry)),
  },
];
console.log(
  `\n${'what'.padEnd(34)} ${'app p50'.padStart(9)} ${'app p95'.padStart(9)} ${'ref p50'.padStart(9)} ${'ref p95'.padStart(9)}  target p95 < 150 ms`,
);
for (const c of cases) {
  const [appMs, sqlMs] = await timedPair(() => get(c.url), c.bare);
  console.log(
    `${c.what.padEnd(34)} ${appMs.p50.toFixed(1).padStart(9)} ${appMs.p95.toFixed(1).padStart(9)} ${sqlMs.p50.toFixed(1).padStart(9)} ${sqlMs.p95.toFixed(1).padStart(9)}  ${appMs.p95 < 150 ? 'ok' : 'SLOW'}`,
  );
}
await app.close();
await db.close();
