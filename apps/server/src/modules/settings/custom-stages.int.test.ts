import type { CustomStages } from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/auth.table.ts';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { customStages } from './settings.table.ts';

let t: TestApp;
let countyAdmin: Session;
let cityAdmin: Session;
let jxStaff: Session;
let wsStaff: Session;

beforeAll(async () => {
  t = await createTestApp();
  const [sysadmin] = await t.db.owner.select().from(users).where(eq(users.username, 'sysadmin'));
  if (!sysadmin) throw new Error('demo sysadmin missing');
  const { id: _id, createdAt: _at, ...rest } = sysadmin;
  await t.db.owner.insert(users).values({ ...rest, username: 'jn_sysadmin2', regionCode: '370800' });
  countyAdmin = await t.login('sysadmin');
  cityAdmin = await t.login('jn_sysadmin2');
  jxStaff = await t.login('jx_staff');
  wsStaff = await t.login('ws_staff');
});
afterAll(() => t.close());

const list = async (s: Session) => {
  const res = await s.get('/api/settings/custom-stages');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as CustomStages).stages;
};
const add = (s: Session, body: unknown) => s.post('/api/settings/custom-stages', body);

describe('custom stages (自定义阶段)', () => {
  it('an office adds 尽职调查 inside 洽谈: its people see it, a sibling county does not; audited', async () => {
    const res = await add(countyAdmin, {
      pipeline: 'recruitment',
      refines: 'negotiating',
      label: '尽职调查',
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await list(jxStaff)).filter((s) => s.pipeline === 'recruitment');
    expect(mine).toMatchObject([{ refines: 'negotiating', label: '尽职调查', position: 1, isOwn: true }]);
    expect(mine[0]?.code).toMatch(/^c_[a-z0-9]+$/);
    expect((await list(wsStaff)).some((s) => s.label === '尽职调查')).toBe(false);
    const audit = rowsOf<{ n: number }>(
      await t.db.owner.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'custom_stage'`,
      ),
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('a second stage inside the same built-in stage comes after the first', async () => {
    const res = await add(countyAdmin, {
      pipeline: 'recruitment',
      refines: 'negotiating',
      label: '方案论证',
    });
    expect(res.statusCode, res.body).toBe(200);
    const inside = (await list(jxStaff)).filter((s) => s.refines === 'negotiating');
    expect(inside.map((s) => s.label)).toEqual(['尽职调查', '方案论证']);
  });

  it('refuses a name another stage of the pipeline has, an unknown stage, and a bad name, on the field', async () => {
    const twin = await add(countyAdmin, { pipeline: 'recruitment', refines: 'lead', label: '签约' });
    expect(twin.statusCode).toBe(400);
    expect(twin.json().fields).toEqual([{ path: 'label', message: '与“签约”阶段重名' }]);
    const unknown = await add(countyAdmin, { pipeline: 'project', refines: 'negotiating', label: '评审' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0]).toMatchObject({ path: 'refines', message: '该流程没有这个阶段' });
    const long = await add(countyAdmin, {
      pipeline: 'project',
      refines: 'signed',
      label: '一二三四五六七八九十一二三',
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields[0].path).toBe('label');
  });

  it('lets only the system administrator add or retire; staff get 403 and the database refuses too', async () => {
    const res = await add(jxStaff, { pipeline: 'need', refines: 'reviewed', label: '专家评审' });
    expect(res.statusCode).toBe(403);
    const code = (await list(jxStaff))[0]?.code;
    expect((await jxStaff.del(`/api/settings/custom-stages/recruitment/${code}`)).statusCode).toBe(403);
    // The same write as the application role of a staff member: refused by a restrictive policy.
    const [staff] = await t.db.owner.select().from(users).where(eq(users.username, 'jx_staff'));
    const write = t.db.transaction(
      { userId: staff?.id ?? null, role: 'staff', regionCodes: ['370828'] },
      (tx) =>
        tx.insert(customStages).values({
          regionCode: '370828',
          pipeline: 'need',
          code: 'c_sneaky',
          refines: 'reviewed',
          position: 1,
          label: '偷偷加的',
          updatedAt: new Date(),
        }),
    );
    const error = await write.then(
      () => null,
      (e: Error & { cause?: Error }) => e,
    );
    expect(String(error?.cause?.message ?? error?.message)).toMatch(/row-level security/);
  });

  it('a city’s custom stage reaches its counties, which cannot retire it', async () => {
    const res = await add(cityAdmin, { pipeline: 'project', refines: 'in_progress', label: '中期检查' });
    expect(res.statusCode, res.body).toBe(200);
    const seen = (await list(jxStaff)).find((s) => s.label === '中期检查');
    expect(seen).toMatchObject({
      pipeline: 'project',
      refines: 'in_progress',
      isOwn: false,
      regionCode: '370800',
    });
    expect((await list(wsStaff)).some((s) => s.label === '中期检查')).toBe(true);
    const retire = await countyAdmin.del(`/api/settings/custom-stages/project/${seen?.code}`);
    expect(retire.statusCode).toBe(404);
  });

  it('retires a stage: gone from the list, still known to the records in it', async () => {
    const stage = (await list(jxStaff)).find((s) => s.label === '方案论证');
    const res = await countyAdmin.del(`/api/settings/custom-stages/recruitment/${stage?.code}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await list(jxStaff)).some((s) => s.label === '方案论证')).toBe(false);
    const again = await countyAdmin.del(`/api/settings/custom-stages/recruitment/${stage?.code}`);
    expect(again.statusCode).toBe(409);
  });
});
