import type { IndicatorBreakdown, Indicators } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { INDICATORS } from './indicators.definitions.ts';

// The figures add up stored per-region counts (operations/count-by-region.ts); these tests hold
// them to the definition queries they stand for, region by region, on the demo data and after
// random writes of the counted tables (each write fires the change triggers, as in production).

let t: TestApp;
let cityLeader: Session;
let year: number;
let regions: string[];

const subtreeOf = async (code: string) =>
  rowsOf<{ s: string[] }>(await t.db.owner.execute(sql`SELECT gaodi_region_subtree(${code}) AS s`))[0]?.s ??
  [];

beforeAll(async () => {
  t = await createTestApp();
  year = t.clock.now().getUTCFullYear();
  cityLeader = await t.login('jn_leader');
  regions = await subtreeOf('370800');
});
afterAll(() => t.close());

async function figures(region: string): Promise<Record<string, number>> {
  const res = await cityLeader.get(`/api/indicators?year=${year}&region=${region}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json() as Indicators).indicators.map((i) => [i.code, i.value]));
}

/** Every indicator's definition query counted over the region's subtree, as the city leader. */
async function definitionCounts(region: string): Promise<Record<string, number>> {
  const subtree = await subtreeOf(region);
  const w = {
    year,
    from: `${year}-01-01`,
    to: `${year + 1}-01-01`,
    regions: sql`ARRAY[${sql.join(
      subtree.map((c) => sql`${c}`),
      sql`, `,
    )}]::text[]`,
  };
  return t.db.transaction({ userId: null, role: 'leader', regionCodes: regions }, async (tx) => {
    const out: Record<string, number> = {};
    for (const def of INDICATORS) {
      const [row] = rowsOf<{ n: number }>(
        await tx.execute(sql`SELECT count(*)::int AS n FROM (${def.records(w)}) r`),
      );
      out[def.code] = row?.n ?? 0;
    }
    return out;
  });
}

const write = fc.oneof(
  fc.record({
    kind: fc.constant('project' as const),
    at: fc.nat(40),
    day: fc.integer({ min: -200, max: 330 }),
    stage: fc.constantFrom('signed', 'landed', 'stopped'),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    at: fc.nat(40),
    pick: fc.nat(500),
    table: fc.constantFrom('cooperation_projects', 'talents', 'platforms', 'incubatees'),
  }),
  fc.record({
    kind: fc.constant('event' as const),
    at: fc.nat(40),
    day: fc.integer({ min: -200, max: 330 }),
  }),
  fc.record({
    kind: fc.constant('drop' as const),
    pick: fc.nat(500),
    table: fc.constantFrom('matchmaking_events', 'cooperation_projects'),
  }),
);

type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(w: Write) {
  const region = regions[('at' in w ? w.at : 0) % regions.length] ?? '370800';
  const start = Date.UTC(year, 0, 1);
  const today = Math.floor((t.clock.now().getTime() - start) / 86_400_000);
  const offset = Math.min('day' in w ? w.day : 0, today);
  const day = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
  const o = t.db.owner;
  const pick = (table: string) =>
    sql.raw(`(SELECT id FROM ${table} WHERE region_code LIKE '3708%' ORDER BY id
      OFFSET ${'pick' in w ? w.pick : 0} % greatest(1, (SELECT count(*) FROM ${table} WHERE region_code LIKE '3708%')) LIMIT 1)`);
  if (w.kind === 'project') {
    const landed = w.stage === 'landed' ? day : null;
    await o.execute(sql`
      INSERT INTO cooperation_projects (region_code, rd_region_code, title, kind, stage, signed_on, landed_on, stage_changed_at, created_at, updated_at)
      VALUES (${region}, ${region}, '随机项目', 'development', ${w.stage}, ${day}, ${landed}, now(), now(), now())`);
  } else if (w.kind === 'event') {
    await o.execute(sql`
      INSERT INTO matchmaking_events (region_code, title, kind, held_on, organiser, checkin_token, created_at, updated_at)
      VALUES (${region}, '随机活动', 'forum', ${day}, '科技局', md5(random()::text), now(), now())`);
  } else if (w.kind === 'move') {
    const table = w.table;
    await o.execute(sql`UPDATE ${sql.raw(table)} SET region_code = ${region} WHERE id = ${pick(table)}`);
  } else if (w.kind === 'drop' && w.table === 'matchmaking_events') {
    await o.execute(
      sql`UPDATE matchmaking_events SET deleted_at = now() WHERE id = ${pick('matchmaking_events')}`,
    );
  } else {
    await o.execute(
      sql`DELETE FROM cooperation_projects WHERE title = '随机项目' AND id = ${pick('cooperation_projects')}`,
    );
  }
}

describe('indicators: stored per-region counts equal the definition queries', () => {
  // About 5 s at load 18 on the shared machine (each of the city's regions: one figure read and
  // its 11 definition queries); the property below about 11 s (8 runs of writes and 4 reads).
  it('on the demo data: every indicator of the city and of each region in it', async () => {
    for (const region of regions)
      expect(await figures(region), region).toEqual(await definitionCounts(region));
    // Read again: now from the stored counts (one row per region), still equal.
    const stored = rowsOf<{ n: number }>(
      await t.db.owner.execute(
        sql`SELECT count(*)::int AS n FROM indicator_region_counts WHERE year = ${year}`,
      ),
    );
    expect(stored[0]?.n).toBeGreaterThanOrEqual(regions.length);
    expect(await figures('370800')).toEqual(await definitionCounts('370800'));
    const res = await cityLeader.get(`/api/indicators/signed_projects/breakdown?year=${year}&region=370800`);
    for (const row of (res.json() as IndicatorBreakdown).rows.filter((r) => r.regionCode !== '370800')) {
      expect(row.value, row.regionCode).toBe((await definitionCounts(row.regionCode)).signed_projects);
    }
  });

  it('after random writes of the counted tables, read between writes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 4 }), fc.nat(40), async (writes, at) => {
        for (const w of writes) await apply(w);
        const region = regions[at % regions.length] ?? '370800';
        expect(await figures(region), region).toEqual(await definitionCounts(region));
        expect(await figures('370800')).toEqual(await definitionCounts('370800'));
      }),
      { numRuns: 8 },
    );
  });
});
