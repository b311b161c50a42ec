import type { IndicatorBreakdown, IndicatorRecords, Indicators } from '@gaodi/contracts';
import { INDICATOR_CODES } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let leader: Session;
let cityLeader: Session;
let year: number;

beforeAll(async () => {
  t = await createTestApp();
  year = t.clock.now().getUTCFullYear();
  leader = await t.login('jx_leader');
  cityLeader = await t.login('jn_leader');
});
afterAll(() => t.close());

async function indicators(s: Session, query = '') {
  const res = await s.get(`/api/indicators?year=${year}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Indicators;
}
async function records(s: Session, code: string, query = '') {
  const res = await s.get(`/api/indicators/${code}/records?year=${year}&pageSize=500${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as IndicatorRecords;
}
const figureOf = (all: Indicators, code: string) => all.indicators.find((i) => i.code === code)?.value;

describe('indicators: each figure is one query over records', () => {
  it('gives a county leader the article’s figures for the year, with their definitions', async () => {
    const all = await indicators(leader);
    expect(all.region).toBe('370828');
    expect(Object.fromEntries(all.indicators.map((i) => [i.code, i.value]))).toMatchObject({
      events: 18,
      signed_projects: 8,
      institutes_recruited: 9,
      platforms_operating: 6,
      projects_landed: 9,
      leading_talents: 4,
      talents_gathered: 20,
    });
    for (const i of all.indicators) expect(i.definition.length).toBeGreaterThan(10);
  });

  it('drills every figure down to exactly the records it counts', async () => {
    const all = await indicators(leader);
    for (const i of all.indicators) {
      const list = await records(leader, i.code);
      expect(list.total, i.code).toBe(i.value);
      expect(list.items, i.code).toHaveLength(i.value);
      expect(new Set(list.items.map((r) => r.id)).size, i.code).toBe(i.value);
      for (const r of list.items) {
        expect(r.regionCode).toBe('370828');
        if (r.on) expect(r.on.slice(0, 4)).toBe(String(year));
      }
    }
  });

  it('a city leader sees the city’s figures, broken down by county, rows adding up to the figure', async () => {
    const city = await indicators(cityLeader, '&region=370800');
    const county = await indicators(cityLeader, '&region=370828');
    for (const code of ['events', 'signed_projects', 'projects_landed']) {
      const res = await cityLeader.get(`/api/indicators/${code}/breakdown?year=${year}&region=370800`);
      expect(res.statusCode, res.body).toBe(200);
      const b = res.json() as IndicatorBreakdown;
      expect(b.rows.reduce((s, r) => s + r.value, 0)).toBe(figureOf(city, code));
      expect(b.rows.find((r) => r.regionCode === '370828')?.value).toBe(figureOf(county, code));
    }
  });

  it('gives a figure month by month, each month drilling down to exactly its records', async () => {
    const res = await leader.get(`/api/indicators/events/trend?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const months = res.json().months as { month: number; value: number }[];
    expect(months).toHaveLength(12);
    expect(months.reduce((s, m) => s + m.value, 0)).toBe(18);
    for (const m of months.filter((x) => x.value > 0)) {
      const list = await records(leader, 'events', `&month=${m.month}`);
      expect(list.total).toBe(m.value);
      for (const r of list.items) expect(Number(r.on?.slice(5, 7))).toBe(m.month);
    }
  });

  it('refuses a region the user does not see: a region above, a sibling county', async () => {
    expect((await leader.get(`/api/indicators?year=${year}&region=370800`)).statusCode).toBe(404);
    const ws = await t.login('ws_staff');
    expect((await ws.get(`/api/indicators?year=${year}&region=370828`)).statusCode).toBe(404);
    const own = await indicators(ws);
    expect(figureOf(own, 'events')).toBe(0);
    const hengxing = await t.login('hengxing');
    expect((await hengxing.get(`/api/indicators?year=${year}`)).statusCode).toBe(403);
  });

  it('takes yearly targets and shows progress, expected progress at this date and a light', async () => {
    const res = await leader.put('/api/indicators/targets', {
      year,
      targets: [
        { code: 'events', target: 20 },
        { code: 'projects_landed', target: 40 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const all = res.json() as Indicators;
    const events = all.indicators.find((i) => i.code === 'events');
    expect(events).toMatchObject({ value: 18, target: 20, progress: 90 });
    expect(events?.expected).toBeGreaterThan(0);
    expect(events?.expected).toBeLessThanOrEqual(20);
    const landed = all.indicators.find((i) => i.code === 'projects_landed');
    expect(landed?.light).toBe('red');
    expect(all.indicators.find((i) => i.code === 'signed_projects')?.light).toBe('none');
    const cleared = await leader.put('/api/indicators/targets', {
      year,
      targets: [{ code: 'events', target: null }],
    });
    expect(cleared.json().indicators.find((i: { code: string }) => i.code === 'events').target).toBeNull();
    const bad = await leader.put('/api/indicators/targets', {
      year,
      targets: [{ code: 'events', target: -1 }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps figure and drill-down equal over random projects (property)', async () => {
    const [region] = ['370828'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            signedDay: fc.option(fc.integer({ min: -400, max: 400 }), { nil: null }),
            landsAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
            isStopped: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        async (projects) => {
          const start = Date.UTC(year, 0, 1);
          // A signing or landing is never in the future (the database refuses it): random days
          // past today (the app's clock) fall on today.
          const today = Math.floor((t.clock.now().getTime() - start) / 86_400_000);
          const day = (n: number) =>
            new Date(start + Math.min(n, today) * 86_400_000).toISOString().slice(0, 10);
          for (const p of projects) {
            const signedOn = p.signedDay === null ? null : day(p.signedDay);
            const landedOn =
              signedOn && p.landsAfter !== null && !p.isStopped
                ? day((p.signedDay ?? 0) + p.landsAfter)
                : null;
            const stage = p.isStopped ? 'stopped' : landedOn ? 'landed' : signedOn ? 'signed' : 'intention';
            await t.db.owner.execute(sql`
              INSERT INTO cooperation_projects (region_code, rd_region_code, title, kind, stage, signed_on, landed_on, stage_changed_at, created_at, updated_at)
              VALUES (${region}, ${region}, '随机项目', 'development', ${stage}, ${signedOn}, ${landedOn}, now(), now(), now())`);
          }
          const all = await indicators(leader);
          for (const code of ['signed_projects', 'projects_landed']) {
            expect((await records(leader, code)).total).toBe(figureOf(all, code));
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('answers every code the API promises', async () => {
    const all = await indicators(leader);
    expect(all.indicators.map((i) => i.code).sort()).toEqual([...INDICATOR_CODES].sort());
  });
});
