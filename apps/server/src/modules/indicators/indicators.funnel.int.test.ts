import { FUNNEL_CODES, type Funnel, type IndicatorRecords } from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../test/harness.ts';
import { type MatchmakingTestbed, openMatchmakingTestbed } from '../matchmaking/matchmaking.fixtures.ts';

let bed: MatchmakingTestbed;
let leader: Session;
let year: number;
beforeAll(async () => {
  bed = await openMatchmakingTestbed();
  leader = await bed.t.login('jx_leader');
  year = bed.t.clock.now().getUTCFullYear();
});
afterAll(() => bed.t.close());

async function funnel(s: Session, query = ''): Promise<Funnel> {
  const res = await s.get(`/api/indicators/funnel?year=${year}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const valuesOf = (f: Funnel) =>
  Object.fromEntries(f.steps.map((s) => [s.code, s.value])) as Record<(typeof FUNNEL_CODES)[number], number>;

describe('对接漏斗: the needs of the year, step by step', () => {
  it('lists five steps, each no larger than the one before, each drilling to exactly its needs', async () => {
    const f = await funnel(leader);
    expect(f.steps.map((s) => s.code)).toEqual([...FUNNEL_CODES]);
    expect(f.steps.map((s) => s.name)).toEqual(['征集需求', '审核发布', '对接院所', '签约立项', '转化落地']);
    expect(f.steps[0]?.value).toBeGreaterThan(0);
    let before: Set<string> | null = null;
    for (const [i, step] of f.steps.entries()) {
      const res = await leader.get(`/api/indicators/${step.code}/records?year=${year}&pageSize=500`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json() as IndicatorRecords;
      expect(list.total, step.code).toBe(step.value);
      const ids = new Set(list.items.map((r) => r.id));
      // Every need of a step is in the step before: the funnel never widens.
      if (before) for (const id of ids) expect(before.has(id), `${step.code} ${id}`).toBe(true);
      before = ids;
      const prior = f.steps[i - 1]?.value;
      expect(step.conversion).toBe(prior ? Math.round((step.value / prior) * 1000) / 10 : null);
      expect(step.definition.length).toBeGreaterThan(8);
    }
  });

  it('a new need enters the first step; published and paired, it moves down two more', async () => {
    const start = valuesOf(await funnel(leader));
    const need = await bed.createNeed(bed.staff, '漏斗测试：高强度玄武岩纤维拉丝工艺');
    expect(valuesOf(await funnel(leader))).toEqual({ ...start, needs_collected: start.needs_collected + 1 });
    await bed.publish(need.id);
    const res = await bed.staff.post('/api/pairings', {
      needId: need.id,
      instituteId: bed.instituteId('山东大学'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(valuesOf(await funnel(leader))).toEqual({
      ...start,
      needs_collected: start.needs_collected + 1,
      needs_published: start.needs_published + 1,
      needs_paired: start.needs_paired + 1,
    });
  });

  it('answers in English and never shows a sibling county', async () => {
    const en = await leader.request({
      method: 'GET',
      url: `/api/indicators/funnel?year=${year}`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().steps[0].name).toBe('Needs collected');
    const sibling = await leader.get(`/api/indicators/funnel?year=${year}&region=370830`);
    expect(sibling.statusCode).toBe(404);
  });
});
