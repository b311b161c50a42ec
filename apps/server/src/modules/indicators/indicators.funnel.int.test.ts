import { FUNNEL_CODES, type Funnel, type IndicatorRecords } from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let leader: Session;
let staff: Session;
let year: number;
beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login('jx_leader');
  staff = await t.login('jx_staff');
  year = t.clock.now().getUTCFullYear();
});
afterAll(() => t.close());

/** The first row of a list the staff member reads, by search text. */
async function idOf(url: string): Promise<string> {
  const res = await staff.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0].id;
}

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
    const created = await staff.post('/api/needs', {
      enterpriseId: await idOf('/api/enterprises?q=hxxcl'),
      title: '漏斗测试：高强度玄武岩纤维拉丝工艺',
      description: '玄武岩纤维拉丝断头率高，希望与院所合作解决。',
      keywords: [],
    });
    expect(created.statusCode, created.body).toBe(200);
    const need = created.json() as { id: string };
    expect(valuesOf(await funnel(leader))).toEqual({ ...start, needs_collected: start.needs_collected + 1 });
    for (const to of ['reviewed', 'published']) {
      const moved = await staff.post(`/api/needs/${need.id}/stage`, { to });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const res = await staff.post('/api/pairings', {
      needId: need.id,
      instituteId: await idOf('/api/institutes?q=山东大学'),
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
