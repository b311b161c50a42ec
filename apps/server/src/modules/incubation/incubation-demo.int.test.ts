import type { IncubateeDetail, IncubateePage, IndicatorRecords, Indicators } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let leader: Session;
let year: number;

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login('jx_leader');
  year = Number(chinaDay(t.clock.now()).slice(0, 4));
});
afterAll(() => t.close());

const FIGURES = {
  incubatees_active: 8,
  incubatees_graduated: 1,
  incubatees_moved_up: 4,
  incubatees_landed: 2,
};
/** The records behind each figure, by name: the demo's chain (apps/server/src/demo/incubation-demo.ts). */
const RECORDS: Record<keyof typeof FIGURES, string[]> = {
  incubatees_active: [
    '京金智造科技有限公司',
    '北理工蒜制品装备团队',
    '大兴芯材科技有限公司',
    '山东衡新材料科技有限公司',
    '智农物联创业团队',
    '蒜芯生物创业团队',
    '金乡绿能储电科技有限公司',
    '金乡蒜谷食品科技有限公司',
  ],
  incubatees_graduated: ['山东衡新材料科技有限公司'],
  incubatees_moved_up: [
    '京金智造科技有限公司',
    '大兴芯材科技有限公司',
    '金乡绿能储电科技有限公司',
    '金乡蒜谷食品科技有限公司',
  ],
  incubatees_landed: ['京金智造科技有限公司', '大兴芯材科技有限公司'],
};

describe('the demo’s incubation figures, computed from records', () => {
  it('gives the county leader 8 in incubation, 1 graduated, 4 moved up, 2 landed from the enclave', async () => {
    const res = await leader.get(`/api/indicators?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const all = res.json() as Indicators;
    const figures = Object.fromEntries(
      all.indicators.filter((i) => i.code in FIGURES).map((i) => [i.code, i.value]),
    );
    expect(figures).toEqual(FIGURES);
  });

  it('drills each figure down to the incubatees it counts', async () => {
    for (const [code, names] of Object.entries(RECORDS)) {
      const res = await leader.get(`/api/indicators/${code}/records?year=${year}&pageSize=100`);
      const records = res.json() as IndicatorRecords;
      expect(records.items.map((r) => r.title).sort(), code).toEqual([...names].sort());
      for (const r of records.items) expect(r.href).toMatch(/^\/incubatees\/[0-9a-f-]{36}$/);
    }
  });

  it('counts the enclave incubatees once, in Jinxiang, never in 大兴', async () => {
    const daxing = await t.login('dx_staff');
    const res = await daxing.get(`/api/indicators?year=${year}`);
    if (res.statusCode === 200) {
      const all = res.json() as Indicators;
      for (const i of all.indicators.filter((x) => x.code in FIGURES)) expect(i.value, i.code).toBe(0);
    } else expect(res.statusCode).toBe(403);
  });
});

describe('an incubatee’s own user', () => {
  it('sees only its own incubation record, with its chain, and none of the others', async () => {
    const staff = await t.login('jx_staff');
    const [hengxing] = rowsOf<{ code: string }>(
      await t.db.owner.execute(
        sql`SELECT credit_code AS code FROM enterprises WHERE name = '山东衡兴新材料有限公司'`,
      ),
    );
    const carriers = (await staff.get('/api/incubation/carriers?kind=incubator')).json() as {
      items: { id: string; locationRegionCode: string | null }[];
    };
    const incubator = carriers.items.find((c) => !c.locationRegionCode)?.id;
    const entered = (
      await staff.post('/api/incubatees', {
        name: '衡兴新材料研发团队',
        carrierId: incubator,
        enteredOn: chinaDay(t.clock.now()),
      })
    ).json() as IncubateeDetail;
    const registered = await staff.post(`/api/incubatees/${entered.id}/registration`, {
      creditCode: hengxing?.code,
    });
    expect(registered.statusCode, registered.body).toBe(200);

    const own = await t.login('hengxing');
    const list = (await own.get('/api/incubatees?pageSize=200')).json() as IncubateePage;
    expect(list.items.map((i) => i.name)).toEqual(['衡兴新材料研发团队']);
    const detail = await own.get(`/api/incubatees/${entered.id}`);
    expect(detail.statusCode).toBe(200);
    expect((detail.json() as IncubateeDetail).chain).toHaveLength(1);
    const all = (await staff.get('/api/incubatees?pageSize=200')).json() as IncubateePage;
    const other = all.items.find((i) => i.name === '蒜芯生物创业团队');
    expect((await own.get(`/api/incubatees/${other?.id}`)).statusCode).toBe(404);
    const write = await own.post(`/api/incubatees/${entered.id}/visits`, {
      on: chinaDay(t.clock.now()),
      visitor: '赵衡',
    });
    expect(write.statusCode).toBe(403);
  });
});
