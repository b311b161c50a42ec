import type { IndicatorTrend, Snapshot, SnapshotRecords } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let leader: Session;
let staff: Session;
const PERIOD = '2026-10'; // the harness clock is 29 November 2026: October is the month just ended

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login('jx_leader');
  staff = await t.login('jx_staff');
});
afterAll(() => t.close());

async function snapshot(s: Session, query: string) {
  const res = await s.get(`/api/indicators/snapshot?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Snapshot;
}
async function setOf(s: Session, code: string, set: string, period = PERIOD) {
  const res = await s.get(
    `/api/indicators/${code}/snapshot-records?period=${period}&set=${set}&pageSize=500`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SnapshotRecords;
}
const figure = (s: Snapshot, code: string) => s.figures.find((f) => f.code === code);

describe('month-end snapshots', () => {
  it('the month-end job freezes the month just ended once, across runs', async () => {
    const job = t.app.scheduledJobs.find((j) => j.name === 'indicators.snapshot');
    const now = t.clock.now();
    t.clock.set(new Date('2026-10-31T16:30:00Z')); // 00:30 on 1 November in China
    const first = (await job?.run()) as { period: string; frozen: number; skipped: number };
    expect(first.period).toBe(PERIOD);
    expect(first.frozen).toBeGreaterThan(0);
    const again = (await job?.run()) as { frozen: number; skipped: number };
    t.clock.set(now);
    expect(again).toMatchObject({ frozen: 0, skipped: first.frozen });
    const list = await leader.get('/api/indicators/snapshots');
    expect(list.json().items.map((i: { period: string }) => i.period)).toEqual([PERIOD]);
  });

  it('freezes the year to the month end: the months of the trend up to October, yearly facts whole', async () => {
    const s = await snapshot(leader, `period=${PERIOD}`);
    expect(s).toMatchObject({ region: '370828', year: 2026, isLate: false });
    const trend = (await leader.get('/api/indicators/events/trend?year=2026')).json() as IndicatorTrend;
    const toOctober = trend.months.filter((m) => m.month <= 10).reduce((n, m) => n + m.value, 0);
    expect(figure(s, 'events')?.frozen).toBe(toOctober);
    expect(figure(s, 'platforms_operating')?.frozen).toBe(6);
    for (const f of s.figures) {
      expect(f.frozen + f.added + f.late - f.removed, f.code).toBe(f.live);
      expect((await setOf(leader, f.code, 'frozen')).total, f.code).toBe(f.frozen);
    }
  });

  it('does not change when records change afterwards; the change is explained record by record', async () => {
    const before = figure(await snapshot(leader, `period=${PERIOD}`), 'signed_projects');
    await t.db.owner.execute(sql`
      INSERT INTO cooperation_projects (region_code, rd_region_code, title, kind, stage, signed_on, stage_changed_at, created_at, updated_at)
      VALUES ('370828', '370828', '补录的十月签约项目', 'development', 'signed', '2026-10-15', now(), now(), now())`);
    const frozenId = (await setOf(leader, 'signed_projects', 'frozen')).items[0]?.id;
    await t.db.owner.execute(
      sql`UPDATE cooperation_projects SET signed_on = '2025-12-20' WHERE id = ${frozenId}`,
    );
    const after = figure(await snapshot(leader, `period=${PERIOD}`), 'signed_projects');
    expect(after?.frozen).toBe(before?.frozen);
    expect(after?.late).toBe((before?.late ?? 0) + 1);
    expect(after?.removed).toBe((before?.removed ?? 0) + 1);
    expect(after?.added).toBe(before?.added);
    expect(after?.live).toBe(before?.live);
    expect((await setOf(leader, 'signed_projects', 'late')).items.map((r) => r.title)).toContain(
      '补录的十月签约项目',
    );
    expect((await setOf(leader, 'signed_projects', 'removed')).items.map((r) => r.id)).toEqual([frozenId]);
    expect((await setOf(leader, 'signed_projects', 'frozen')).items.map((r) => r.id)).toContain(frozenId);
    await expect(t.db.owner.execute(sql`UPDATE indicator_snapshots SET value = value + 1`)).rejects.toThrow();
    await expect(t.db.owner.execute(sql`DELETE FROM indicator_snapshot_records`)).rejects.toThrow();
  });

  it('freezes a past month on request with the records dated within it; a frozen month is never redone', async () => {
    const june = await staff.post('/api/indicators/snapshots', { period: '2026-06' });
    expect(june.statusCode, june.body).toBe(200);
    expect(june.json().frozen).toBeGreaterThan(0);
    const again = await staff.post('/api/indicators/snapshots', { period: '2026-06' });
    expect(again.json().frozen).toBe(0);
    const s = await snapshot(leader, 'period=2026-06');
    expect(s.isLate).toBe(true);
    const october = await snapshot(leader, `period=${PERIOD}`);
    for (const f of s.figures.filter((x) => x.code !== 'platforms_operating'))
      expect(f.frozen, f.code).toBeLessThanOrEqual(figure(october, f.code)?.frozen ?? 0);
    for (const r of (await setOf(leader, 'events', 'frozen', '2026-06')).items)
      expect(r.on && r.on < '2026-07-01').toBe(true);
    const current = await staff.post('/api/indicators/snapshots', { period: '2026-11' });
    expect(current.statusCode).toBe(400);
    expect(current.json().message).toBe('只能冻结已结束的月份');
    expect((await staff.post('/api/indicators/snapshots', { period: '2026-13' })).statusCode).toBe(400);
    const helper = await t.login('jx_helper');
    expect((await helper.post('/api/indicators/snapshots', { period: '2026-05' })).statusCode).toBe(403);
  });

  it('a city reads its own snapshot and its counties’; a county never the city’s', async () => {
    const city = await t.login('jn_leader');
    const c = await snapshot(city, `period=${PERIOD}&region=370800`);
    const county = await snapshot(city, `period=${PERIOD}&region=370828`);
    expect(figure(c, 'events')?.frozen).toBeGreaterThanOrEqual(figure(county, 'events')?.frozen ?? 0);
    expect((await leader.get(`/api/indicators/snapshot?period=${PERIOD}&region=370800`)).statusCode).toBe(
      404,
    );
    expect((await leader.get('/api/indicators/snapshot?period=2025-01')).statusCode).toBe(404);
  });
});
