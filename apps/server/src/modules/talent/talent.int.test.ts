import type { ImportPreview, Talent, TalentCatalogue, TalentPage } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
let lead: Session;
let year: number;
let hengxingId: string;
let leadingId: string;
let groupId: string;

const ID_A = '370828199001011234';
const ID_B = '37082819850202567X';

beforeAll(async () => {
  t = await createTestApp();
  year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(t.clock.now()),
  );
  staff = await t.login('jx_staff');
  lead = await t.login('jx_lead');
  hengxingId = rowsOf<{ id: string }>(
    await t.db.owner.execute(sql`SELECT id FROM enterprises WHERE name = '山东衡兴新材料有限公司'`),
  )[0]?.id as string;
  const programme = await staff.post('/api/talent-catalogue/programmes', {
    name: '测试产业领军人才',
    level: 'provincial',
    isLeading: true,
  });
  expect(programme.statusCode, programme.body).toBe(200);
  leadingId = (programme.json() as TalentCatalogue).programmes.find((p) => p.name === '测试产业领军人才')
    ?.id as string;
  const group = await staff.post('/api/talent-catalogue/groups', { name: '测试博士团', kind: 'phd_group' });
  groupId = (group.json() as TalentCatalogue).groups.find((g) => g.name === '测试博士团')?.id as string;
});
afterAll(() => t.close());

const base = {
  gender: 'male',
  degree: 'phd',
  employerKind: 'enterprise',
  mode: 'cultivation',
};

describe('talent registry', () => {
  let talent: Talent;

  it('registers a talent; the owner sees the phone and ID number, stored encrypted', async () => {
    const res = await staff.post('/api/talents', {
      ...base,
      name: '王振华',
      enterpriseId: hengxingId,
      phone: '13812345678',
      idNumber: ID_A,
      awards: [{ programmeId: leadingId, year }],
      groupIds: [groupId],
    });
    expect(res.statusCode, res.body).toBe(200);
    talent = res.json() as Talent;
    expect(talent).toMatchObject({
      phone: '13812345678',
      idNumber: ID_A,
      isOwner: true,
      isLeading: true,
      isHighLevel: true,
      employerName: '山东衡兴新材料有限公司',
    });
    expect(talent.groups.map((g) => g.name)).toEqual(['测试博士团']);
    const [row] = rowsOf<Record<string, string>>(
      await t.db.owner.execute(
        sql`SELECT phone_cipher, id_number_cipher, id_number_hash FROM talents WHERE id = ${talent.id}`,
      ),
    );
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(JSON.stringify(row)).not.toContain(ID_A.slice(6, 14));
    expect(row?.phone_cipher?.startsWith('g1:')).toBe(true);
  });

  it('masks the phone and ID number for everyone else', async () => {
    const seen = (await lead.get(`/api/talents/${talent.id}`)).json() as Talent;
    expect(seen).toMatchObject({ phone: '138****5678', idNumber: '370828********1234', isOwner: false });
    const list = (await lead.get('/api/talents?q=王振华')).json() as TalentPage;
    expect(list.items[0]?.phone).toBe('138****5678');
  });

  it('shows on the talent’s page the service requests raised for them, newest first', async () => {
    const raise = (title: string) =>
      staff.post('/api/concierge/requests', {
        title,
        description: '子女入学咨询',
        kind: 'talent',
        subjectType: 'talent',
        subjectId: talent.id,
        requesterName: '王振华',
        idempotencyKey: crypto.randomUUID(),
      });
    const first = await raise('子女入学');
    expect(first.statusCode, first.body).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    expect((await raise('人才公寓')).statusCode).toBe(200);
    const page = (await lead.get(`/api/talents/${talent.id}`)).json() as Talent;
    expect(page.serviceRequests.map((r) => r.name.split(' · ')[1])).toEqual(['人才公寓', '子女入学']);
    expect(page.serviceRequests[0]?.name).toMatch(/^SQ370828-\d+ · 人才公寓$/);
  });

  it('finds a talent by ID number and refuses to register it twice, on the field', async () => {
    const found = await staff.post('/api/talents/lookup', { idNumber: ID_A.toLowerCase() });
    expect(found.json()).toEqual({ talent: { id: talent.id, name: '王振华' } });
    const again = await lead.post('/api/talents', {
      ...base,
      name: '王振华',
      enterpriseId: hengxingId,
      idNumber: ID_A,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields).toEqual([{ path: 'idNumber', message: '该身份证号已登记：王振华' }]);
  });

  it('keeps a stored ID number when an update sends it masked', async () => {
    const res = await lead.put(`/api/talents/${talent.id}`, {
      ...base,
      name: '王振华',
      enterpriseId: hengxingId,
      phone: '138****5678',
      idNumber: '370828********1234',
      title: '研究员',
      titleRank: 'senior',
      awards: [{ programmeId: leadingId, year }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = (await staff.get(`/api/talents/${talent.id}`)).json() as Talent;
    expect(mine).toMatchObject({ phone: '13812345678', idNumber: ID_A, title: '研究员' });
    // The audit row lists the changed fields before/after, never the phone or ID number ciphers.
    const auditor = await t.login('auditor');
    const [update] = (
      await auditor.get(`/api/audit?targetType=talent&targetId=${talent.id}&action=update`)
    ).json().items as { detail: { before: Record<string, unknown>; after: Record<string, unknown> } }[];
    expect(update?.detail.after).toMatchObject({ title: '研究员' });
    expect(JSON.stringify(update?.detail)).not.toMatch(/Cipher|Hash|13812345678/);
  });

  it('refuses bad input on its field', async () => {
    const noDate = await staff.post('/api/talents', {
      ...base,
      name: '李',
      enterpriseId: hengxingId,
      mode: 'arrival',
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().fields).toContainEqual({ path: 'arrivedOn', message: '引进人才须填写引进日期' });
    const badId = await staff.post('/api/talents', {
      ...base,
      name: '李',
      enterpriseId: hengxingId,
      idNumber: '123',
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().fields[0].path).toBe('idNumber');
    const badLink = await staff.post('/api/talents', {
      ...base,
      name: '李',
      enterpriseId: hengxingId,
      platformIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().fields).toContainEqual({ path: 'platformIds', message: '创新平台不存在' });
  });

  it('an enterprise user sees their own enterprise’s talents only and registers none', async () => {
    const other = await staff.post('/api/talents', {
      ...base,
      name: '外单位人才',
      employerKind: 'other',
      employerName: '某研究所',
    });
    expect(other.statusCode, other.body).toBe(200);
    const hengxing = await t.login('hengxing');
    const names = ((await hengxing.get('/api/talents?pageSize=200')).json() as TalentPage).items.map(
      (x) => x.name,
    );
    expect(names).toContain('王振华');
    expect(names).not.toContain('外单位人才');
    expect((await hengxing.get(`/api/talents/${(other.json() as Talent).id}`)).statusCode).toBe(404);
    expect(
      (await hengxing.post('/api/talents', { ...base, name: 'x', employerKind: 'other' })).statusCode,
    ).toBe(403);
    const sdu = await t.login('sdu_liaison');
    expect(((await sdu.get('/api/talents')).json() as TalentPage).items.map((x) => x.name)).not.toContain(
      '王振华',
    );
    const ws = await t.login('ws_staff');
    expect((await ws.get(`/api/talents/${talent.id}`)).statusCode).toBe(404);
  });
});

describe('人才台账 export and checked import', () => {
  it('exports masked values for non-owners and re-imports with per-row problems and de-duplication', async () => {
    const res = await lead.get('/api/talents/ledger.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = sheet.getRow(3).values as string[];
    const col = (name: string) => header.indexOf(name);
    let exported = 0;
    for (let r = 4; r <= sheet.rowCount; r++)
      if (sheet.getRow(r).getCell(col('姓名')).text === '王振华') {
        exported = r;
        expect(sheet.getRow(r).getCell(col('联系电话')).text).toBe('138****5678');
      }
    expect(exported).toBeGreaterThan(0);
    const add = (values: Record<string, string>) => {
      const row = sheet.addRow([]);
      for (const [k, v] of Object.entries(values)) row.getCell(col(k)).value = v;
    };
    add({
      姓名: '赵新来',
      性别: '女',
      最高学历: '博士',
      '引进/培养': '引进',
      引进日期: `${year}-03-01`,
      身份证号: ID_B,
    });
    add({ 姓名: '重复者', 性别: '男', 最高学历: '博士', '引进/培养': '培养', 身份证号: ID_B });
    add({ 姓名: '坏行', 性别: '未知', 最高学历: '博士', '引进/培养': '培养', 人才组织: '没有这个组织' });
    const form = new FormData();
    form.append('file', new Blob([await book.xlsx.writeBuffer()]), 'ledger.xlsx');
    const upload = new Request('http://x', { method: 'POST', body: form });
    const preview = await lead.request({
      method: 'POST',
      url: '/api/talents/import',
      headers: { 'content-type': upload.headers.get('content-type') ?? '' },
      payload: Buffer.from(await upload.arrayBuffer()),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json() as ImportPreview;
    const rowsWith = (needle: string) =>
      p.problems.filter((x) => x.message.includes(needle)).map((x) => x.column);
    expect(rowsWith('身份证号重复')).toEqual(['身份证号']);
    expect(rowsWith('人才组织“没有这个组织”不存在')).toEqual(['人才组织']);
    expect(p.problems.some((x) => x.column === '性别')).toBe(true);
    expect(p.toCreate).toBe(1);
    expect(p.toUpdate).toBeGreaterThanOrEqual(1);
    const confirm = await lead.confirmImport('/api/talents/import/confirm', p.token);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().created).toBe(1);
    const owner = (await staff.get('/api/talents?q=王振华')).json() as TalentPage;
    expect(owner.items).toHaveLength(1);
    expect(owner.items[0]?.phone).toBe('13812345678');
    const gathered = (await lead.get('/api/talents?q=赵新来')).json() as TalentPage;
    expect(gathered.items[0]).toMatchObject({
      mode: 'arrival',
      isHighLevel: true,
      isOwner: true,
      idNumber: ID_B,
    });
  });
});
