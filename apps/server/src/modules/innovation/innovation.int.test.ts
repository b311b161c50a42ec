import { DEFAULT_OPERATING_CRITERIA, type PlatformDetail, type PlatformPage } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { shortfallsOf } from './operations/operating.ts';

let t: TestApp;
let staff: Session;
let year: number;
let hengxingId: string;
let sduId: string;
let otherEnterpriseId: string;

const idOf = async (table: string, name: string) =>
  rowsOf<{ id: string }>(
    await t.db.owner.execute(
      sql`SELECT id FROM ${sql.raw(table)} WHERE name = ${name} AND region_code = '370828'`,
    ),
  )[0]?.id ?? '';

const GOOD = {
  staff: 25,
  areaM2: 1200,
  equipmentFen: 300_000_000,
  rdSpendingFen: 120_000_000,
  patents: 3,
  standards: 1,
  products: 2,
  servedEnterprises: 10,
  revenueFen: 50_000_000,
};

beforeAll(async () => {
  t = await createTestApp();
  year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(t.clock.now()),
  );
  staff = await t.login('jx_staff');
  hengxingId = await idOf('enterprises', '山东衡兴新材料有限公司');
  sduId = await idOf('institutes', '山东大学');
  otherEnterpriseId = rowsOf<{ id: string }>(
    await t.db.owner.execute(
      sql`SELECT id FROM enterprises WHERE region_code = '370828' AND name <> '山东衡兴新材料有限公司' LIMIT 1`,
    ),
  )[0]?.id as string;
});
afterAll(() => t.close());

async function register(name: string, partners: unknown[]): Promise<PlatformDetail> {
  const res = await staff.post('/api/platforms', {
    name,
    kind: 'joint_lab',
    level: 'county',
    tier: 'leading',
    partners,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PlatformDetail;
}

describe('platforms: partners, evidence, operating', () => {
  let platform: PlatformDetail;

  it('registers a platform with partners as records with roles; it is not operating without evidence', async () => {
    platform = await register('测试绿色合成联合实验室', [
      { kind: 'institute', role: 'lead_builder', instituteId: sduId },
      { kind: 'enterprise', role: 'co_builder', enterpriseId: hengxingId },
      { kind: 'government', role: 'operator', name: '金乡县科学技术局' },
    ]);
    expect(platform.partners.map((p) => [p.kind, p.role, p.name])).toEqual([
      ['institute', 'lead_builder', '山东大学'],
      ['enterprise', 'co_builder', '山东衡兴新材料有限公司'],
      ['government', 'operator', '金乡县科学技术局'],
    ]);
    expect(platform.isOperating).toBe(false);
  });

  it('refuses a partner without its organisation, an unknown one and a future year, on the field', async () => {
    const missing = await staff.post('/api/platforms', {
      name: 'x',
      kind: 'joint_lab',
      level: 'county',
      partners: [{ kind: 'enterprise', role: 'co_builder' }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toContainEqual({ path: 'partners.0.enterpriseId', message: '请选择企业' });
    const unknown = await staff.post('/api/platforms', {
      name: 'x',
      kind: 'joint_lab',
      level: 'county',
      partners: [
        { kind: 'institute', role: 'co_builder', instituteId: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toContainEqual({ path: 'partners.0.instituteId', message: '院所不存在' });
    const future = await staff.put(`/api/platforms/${platform.id}/evidence`, { ...GOOD, year: year + 1 });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('year');
  });

  it('turns operating when a year of evidence meets the criteria, and says what falls short otherwise', async () => {
    const weak = await staff.put(`/api/platforms/${platform.id}/evidence`, { ...GOOD, year, staff: 3 });
    expect(weak.statusCode, weak.body).toBe(200);
    const afterWeak = weak.json() as PlatformDetail;
    expect(afterWeak.isOperating).toBe(false);
    expect(afterWeak.evidence[0]?.shortfalls).toEqual(['专职人员 3 人，低于 10 人']);
    const good = (
      await staff.put(`/api/platforms/${platform.id}/evidence`, { ...GOOD, year })
    ).json() as PlatformDetail;
    expect(good.isOperating).toBe(true);
    expect(good.evidence).toHaveLength(1);
    const list = (await staff.get('/api/platforms?isOperating=true&pageSize=200')).json() as PlatformPage;
    expect(list.items.map((p) => p.id)).toContain(platform.id);
    const not = (await staff.get('/api/platforms?isOperating=false&pageSize=200')).json() as PlatformPage;
    expect(not.items.map((p) => p.id)).not.toContain(platform.id);
  });

  it('judges a year by its evidence, else the year before', async () => {
    const next = (await staff.get(`/api/platforms/${platform.id}?year=${year + 1}`)).json() as PlatformDetail;
    expect(next.isOperating).toBe(true);
    const later = (
      await staff.get(`/api/platforms/${platform.id}?year=${year + 2}`)
    ).json() as PlatformDetail;
    expect(later.isOperating).toBe(false);
  });

  it('the region’s criteria decide: stricter criteria from the system administrator, refused to staff', async () => {
    const refused = await staff.put('/api/platform-criteria', { ...GOOD, minStaff: 1 });
    expect(refused.statusCode).toBe(403);
    const admin = await t.login('sysadmin');
    const strict = { minStaff: 30, minAreaM2: 500, minEquipmentFen: 0, minRdSpendingFen: 0, minOutputs: 0 };
    const saved = await admin.put('/api/platform-criteria', strict);
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await staff.get(`/api/platforms/${platform.id}`)).json() as PlatformDetail;
    expect(after.isOperating).toBe(false);
    expect(after.criteria).toMatchObject({ minStaff: 30, isDefault: false });
    await admin.put('/api/platform-criteria', { ...strict, minStaff: 10 });
    expect(((await staff.get(`/api/platforms/${platform.id}`)).json() as PlatformDetail).isOperating).toBe(
      true,
    );
  });

  it('keeps one assessment per year; a year without evidence can only fail', async () => {
    const noEvidence = await staff.put(`/api/platforms/${platform.id}/assessment`, {
      year: year - 3,
      grade: 'good',
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().fields[0].path).toBe('grade');
    const first = await staff.put(`/api/platforms/${platform.id}/assessment`, {
      year,
      grade: 'good',
      note: '运行良好',
    });
    expect(first.statusCode, first.body).toBe(200);
    const again = (
      await staff.put(`/api/platforms/${platform.id}/assessment`, {
        year,
        grade: 'excellent',
        score: 92,
        note: '成效显著',
      })
    ).json() as PlatformDetail;
    expect(again.assessments).toHaveLength(1);
    expect(again.assessments[0]).toMatchObject({ grade: 'excellent', score: 92, metCriteria: true });
    expect(again.latestGrade).toBe('excellent');
  });
});

describe('operating is judged on write, by the same rule as the page', () => {
  const d = DEFAULT_OPERATING_CRITERIA;
  const atDefaults = {
    staff: d.minStaff,
    areaM2: d.minAreaM2,
    equipmentFen: d.minEquipmentFen,
    rdSpendingFen: d.minRdSpendingFen,
    patents: d.minOutputs,
    standards: 0,
    products: 0,
    servedEnterprises: 0,
    revenueFen: 0,
  };
  const cases = [
    atDefaults,
    { ...atDefaults, staff: d.minStaff - 1 },
    { ...atDefaults, areaM2: d.minAreaM2 - 1 },
    { ...atDefaults, equipmentFen: d.minEquipmentFen - 1 },
    { ...atDefaults, rdSpendingFen: d.minRdSpendingFen - 1 },
    { ...atDefaults, patents: d.minOutputs - 1 },
  ];

  it('the database’s built-in criteria agree with DEFAULT_OPERATING_CRITERIA and shortfallsOf at every edge', async () => {
    // 370830 has no criteria of its own: the built-in ones apply.
    const [p] = rowsOf<{ id: string }>(
      await t.db.owner.execute(sql`INSERT INTO platforms (region_code, name, kind, level, created_at)
        VALUES ('370830', '边界平台', 'joint_lab', 'county', now()) RETURNING id`),
    );
    for (const [i, e] of cases.entries()) {
      await t.db.owner.execute(sql`INSERT INTO platform_evidence (region_code, platform_id, year, staff, area_m2,
          equipment_fen, rd_spending_fen, patents, standards, products, served_enterprises, revenue_fen, recorded_at)
        VALUES ('370830', ${p?.id}, ${2000 + 2 * i}, ${e.staff}, ${e.areaM2}, ${e.equipmentFen}, ${e.rdSpendingFen},
          ${e.patents}, 0, 0, 0, 0, now())`);
    }
    const rows = rowsOf<{ year: number; meets_criteria: boolean }>(
      await t.db.owner.execute(
        sql`SELECT year, meets_criteria FROM platform_evidence WHERE platform_id = ${p?.id} ORDER BY year`,
      ),
    );
    expect(rows.map((r) => r.meets_criteria)).toEqual(
      cases.map((e) => shortfallsOf({ ...e, year: 2000, fileIds: [], note: '' }, d).length === 0),
    );
    expect(rows.map((r) => r.meets_criteria)).toEqual([true, false, false, false, false, false]);
    // Operating: the year met and the next (no evidence there), nothing else.
    const [platform] = rowsOf<{ operating_years: number[]; latest_evidence_year: number }>(
      await t.db.owner.execute(
        sql`SELECT operating_years, latest_evidence_year FROM platforms WHERE id = ${p?.id}`,
      ),
    );
    expect(platform).toEqual({ operating_years: [2000, 2001], latest_evidence_year: 2010 });
  });
});

describe('platforms: who sees what', () => {
  let mine: PlatformDetail;
  let others: PlatformDetail;

  beforeAll(async () => {
    mine = await register('衡兴参建平台', [
      { kind: 'enterprise', role: 'lead_builder', enterpriseId: hengxingId },
    ]);
    others = await register('他企平台', [
      { kind: 'enterprise', role: 'lead_builder', enterpriseId: otherEnterpriseId },
    ]);
  });

  it('an enterprise user sees the platforms their enterprise builds, nothing else, and writes none', async () => {
    const hengxing = await t.login('hengxing');
    const list = (await hengxing.get('/api/platforms?pageSize=200')).json() as PlatformPage;
    const ids = list.items.map((p) => p.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(others.id);
    expect((await hengxing.get(`/api/platforms/${others.id}`)).statusCode).toBe(404);
    expect(
      (await hengxing.post('/api/platforms', { name: 'x', kind: 'joint_lab', level: 'county' })).statusCode,
    ).toBe(403);
  });

  it('an institute partner sees their institute’s platforms only', async () => {
    const sdu = await t.login('sdu_liaison');
    const ids = ((await sdu.get('/api/platforms?pageSize=200')).json() as PlatformPage).items.map(
      (p) => p.id,
    );
    expect(ids).not.toContain(mine.id);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('another county sees none of them; the database refuses writes from an enterprise role', async () => {
    const ws = await t.login('ws_staff');
    expect((await ws.get(`/api/platforms/${mine.id}`)).statusCode).toBe(404);
    const scope = { userId: null, role: 'enterprise', regionCodes: ['370828'], enterpriseId: hengxingId };
    const updated = await t.db.transaction(scope, async (tx) =>
      rowsOf(await tx.execute(sql`UPDATE platforms SET name = 'x' WHERE id = ${mine.id} RETURNING id`)),
    );
    expect(updated).toEqual([]);
    await expect(
      t.db.transaction(scope, (tx) =>
        tx.execute(sql`INSERT INTO platforms (region_code, name, kind, level, created_at)
          VALUES ('370828', 'x', 'joint_lab', 'county', now())`),
      ),
    ).rejects.toThrow();
  });
});
