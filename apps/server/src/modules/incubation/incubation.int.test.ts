import {
  type Carrier,
  creditCodeCheckChar,
  type IncubateeDetail,
  type IncubateePage,
} from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
let daxing: Session;
let today: string;
const carriers: Record<string, Carrier> = {};

/** A valid 统一社会信用代码 from 17 characters (its check digit computed). */
const code = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;
const CODE = code('91370828MA3CTE7X1');

async function carrier(kind: string, name: string, extra: Record<string, unknown> = {}) {
  const res = await staff.post('/api/incubation/carriers', {
    name,
    kind,
    seats: 100,
    areaM2: 2000,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  carriers[name] = res.json() as Carrier;
  return carriers[name] as Carrier;
}

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  daxing = await t.login('dx_staff');
  today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  await carrier('maker_space', '测试众创空间');
  await carrier('incubator', '测试孵化器', { certLevel: 'provincial', certYear: 2024 });
  await carrier('accelerator', '测试加速器');
  await carrier('park', '测试产业园');
  await carrier('incubator', '测试飞地孵化中心', { locationRegionCode: '110115' });
});
afterAll(() => t.close());

const idOf = (name: string) => carriers[name]?.id as string;

describe('incubation chain', () => {
  let team: IncubateeDetail;

  it('a team without a licence enters a maker space', async () => {
    const res = await staff.post('/api/incubatees', {
      name: '测试创业团队',
      carrierId: idOf('测试众创空间'),
      enteredOn: today,
    });
    expect(res.statusCode, res.body).toBe(200);
    team = res.json() as IncubateeDetail;
    expect(team.stage).toBe('maker_space');
    expect(team.creditCode).toBeNull();
  });

  it('refuses a move into a carrier of another kind, then moves up to the incubator', async () => {
    const wrong = await staff.post(`/api/incubatees/${team.id}/stage`, {
      to: 'incubator',
      carrierId: idOf('测试加速器'),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0]).toMatchObject({ path: 'carrierId', message: '所选载体不是孵化器' });
    const res = await staff.post(`/api/incubatees/${team.id}/stage`, {
      to: 'incubator',
      carrierId: idOf('测试孵化器'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as IncubateeDetail).carrierName).toBe('测试孵化器');
  });

  it('registers as an enterprise; a wrong check digit is refused on creditCode', async () => {
    const bad = await staff.post(`/api/incubatees/${team.id}/registration`, {
      creditCode: `${CODE.slice(0, 17)}${CODE.endsWith('0') ? '1' : '0'}`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('creditCode');
    const res = await staff.post(`/api/incubatees/${team.id}/registration`, {
      creditCode: CODE,
      name: '测试科技有限公司',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as IncubateeDetail).creditCode).toBe(CODE);
  });

  it('graduation needs its criteria; it graduates and enters the park; the chain shows the whole path', async () => {
    const missing = await staff.post(`/api/incubatees/${team.id}/stage`, {
      to: 'graduated',
      graduatedOn: today,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('criteria');
    const grad = await staff.post(`/api/incubatees/${team.id}/stage`, {
      to: 'graduated',
      graduatedOn: today,
      criteria: '年营收超过 500 万元，获得 A 轮融资',
    });
    expect(grad.statusCode, grad.body).toBe(200);
    const park = await staff.post(`/api/incubatees/${team.id}/stage`, {
      to: 'park',
      carrierId: idOf('测试产业园'),
    });
    expect(park.statusCode, park.body).toBe(200);
    const detail = park.json() as IncubateeDetail;
    expect(detail.name).toBe('测试科技有限公司');
    expect(detail.chain.map((s) => s.toStage)).toEqual(['maker_space', 'incubator', 'graduated', 'park']);
    expect(detail.chain.map((s) => s.carrierName)).toEqual([
      '测试众创空间',
      '测试孵化器',
      '测试孵化器',
      '测试产业园',
    ]);
  });

  it('an exit records its reason; an exited incubatee moves no more', async () => {
    const other = (
      await staff.post('/api/incubatees', {
        name: '测试退出团队',
        carrierId: idOf('测试众创空间'),
        enteredOn: today,
      })
    ).json() as IncubateeDetail;
    const exit = await staff.post(`/api/incubatees/${other.id}/stage`, { to: 'exited', reason: '团队解散' });
    expect(exit.statusCode, exit.body).toBe(200);
    expect((exit.json() as IncubateeDetail).exitReason).toBe('团队解散');
    const again = await staff.post(`/api/incubatees/${other.id}/stage`, {
      to: 'incubator',
      carrierId: idOf('测试孵化器'),
    });
    expect(again.statusCode).toBe(409);
  });

  it('visits and quarterly reports are recorded on the incubatee', async () => {
    const visit = await staff.post(`/api/incubatees/${team.id}/visits`, {
      on: today,
      visitor: '张科长',
      notes: '了解扩产计划',
      problems: '需要人才公寓',
    });
    expect(visit.statusCode, visit.body).toBe(200);
    const report = await staff.put(`/api/incubatees/${team.id}/reports`, {
      year: 2026,
      quarter: 3,
      revenue: 320,
      staff: 18,
      rdSpend: 45,
      ipCount: 3,
      financing: 500,
    });
    expect(report.statusCode, report.body).toBe(200);
    const detail = report.json() as IncubateeDetail;
    expect(detail.visits[0]?.problems).toBe('需要人才公寓');
    expect(detail.reports[0]).toMatchObject({ quarter: 3, staff: 18 });
    const badQuarter = await staff.put(`/api/incubatees/${team.id}/reports`, {
      ...detail.reports[0],
      quarter: 5,
    });
    expect(badQuarter.statusCode).toBe(400);
  });
});

describe('the enclave', () => {
  let enclaveTeam: IncubateeDetail;

  it('an incubatee of the 大兴 centre lands in Jinxiang and is counted there once', async () => {
    enclaveTeam = (
      await staff.post('/api/incubatees', {
        name: '测试飞地团队',
        carrierId: idOf('测试飞地孵化中心'),
        enteredOn: today,
      })
    ).json() as IncubateeDetail;
    expect(enclaveTeam.rdRegionCode).toBe('110115');
    const land = await staff.post(`/api/incubatees/${enclaveTeam.id}/stage`, {
      to: 'accelerator',
      carrierId: idOf('测试加速器'),
    });
    expect(land.statusCode, land.body).toBe(200);
    const landed = land.json() as IncubateeDetail;
    expect(landed.landedOn).toBe(today);
    expect(landed.regionCode).toBe('370828');
    expect(landed.chain.map((s) => s.cityRegionCode)).toEqual(['110115', '370828']);
  });

  it('the 大兴 office sees the enclave centre and its incubatees, not Jinxiang’s other carriers, and writes none', async () => {
    const list = (await daxing.get('/api/incubation/carriers')).json() as { items: Carrier[] };
    const names = list.items.map((c) => c.name);
    expect(names).toContain('测试飞地孵化中心');
    expect(names).not.toContain('测试众创空间');
    expect((await daxing.get(`/api/incubation/carriers/${idOf('测试众创空间')}`)).statusCode).toBe(404);
    const incubatees = (await daxing.get('/api/incubatees?pageSize=200')).json() as IncubateePage;
    expect(incubatees.items.map((i) => i.name)).toContain('测试飞地团队');
    expect(incubatees.items.map((i) => i.name)).not.toContain('测试创业团队');
    const chain = (await daxing.get(`/api/incubatees/${enclaveTeam.id}`)).json() as IncubateeDetail;
    expect(chain.chain).toHaveLength(2);
    const write = await daxing.post(`/api/incubatees/${enclaveTeam.id}/visits`, {
      on: today,
      visitor: '赵琳',
    });
    expect(write.statusCode).toBe(404);
  });
});
