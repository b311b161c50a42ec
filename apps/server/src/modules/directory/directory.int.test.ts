import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, demoCreditCode } from '../../demo/demo-data.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
});
afterAll(() => t.close());

const newEnterprise = (overrides: Record<string, unknown> = {}) => ({
  creditCode: demoCreditCode('370828', 900 + Math.floor(Math.random() * 90000)),
  name: '金乡县测试科技有限公司',
  industryId: null,
  scale: 'small',
  address: '金乡县测试路 8 号',
  contactName: '测试员',
  contactPhone: '13800001234',
  ...overrides,
});

async function upload(session: Session, url: string, file: Buffer, filename = 'enterprises.xlsx') {
  const boundary = '----gaodi-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return session.request({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('enterprises', () => {
  it('refuses a wrong credit code on that field, then accepts the fixed one', async () => {
    const good = newEnterprise();
    const lastChar = good.creditCode.at(-1) === '0' ? '1' : '0';
    const bad = await staff.post('/api/enterprises', {
      ...good,
      creditCode: good.creditCode.slice(0, 17) + lastChar,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      { path: 'creditCode', message: `统一社会信用代码校验位错误，应为 ${good.creditCode.at(-1)}` },
    ]);
    const ok = await staff.post('/api/enterprises', good);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: good.name, creditCode: good.creditCode, regionCode: '370828' });
  });

  it('refuses a second enterprise with the same credit code in the region', async () => {
    const e = newEnterprise({ name: '重复代码企业' });
    expect((await staff.post('/api/enterprises', e)).statusCode).toBe(200);
    const again = await staff.post('/api/enterprises', { ...e, name: '重复代码企业二' });
    expect(again.statusCode).toBe(409);
  });

  it('finds an enterprise by pinyin initials, full pinyin and Chinese name', async () => {
    for (const q of ['hxxcl', 'hengxing', '衡兴', 'HXXCL']) {
      const res = (await staff.get(`/api/enterprises?q=${encodeURIComponent(q)}`)).json();
      expect(
        res.items.map((e: { name: string }) => e.name),
        q,
      ).toContain('山东衡兴新材料有限公司');
      expect(
        res.items.map((e: { name: string }) => e.name),
        q,
      ).not.toContain('山东鲁特电工有限公司');
    }
  });

  it('sorts and pages', async () => {
    const byName = (await staff.get('/api/enterprises?sort=name&order=asc&pageSize=200')).json();
    const names = byName.items.map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const page1 = (await staff.get('/api/enterprises?sort=name&pageSize=2&page=1')).json();
    const page2 = (await staff.get('/api/enterprises?sort=name&pageSize=2&page=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0].name).toBe(names[2]);
    expect(page1.total).toBe(byName.total);
  });

  it('soft-deletes and restores', async () => {
    const created = (await staff.post('/api/enterprises', newEnterprise({ name: '待删除企业' }))).json();
    expect((await staff.del(`/api/enterprises/${created.id}`)).json().isDeleted).toBe(true);
    const listed = (await staff.get('/api/enterprises?pageSize=200'))
      .json()
      .items.map((e: { id: string }) => e.id);
    expect(listed).not.toContain(created.id);
    const trash = (await staff.get('/api/enterprises?deleted=only&pageSize=200'))
      .json()
      .items.map((e: { id: string }) => e.id);
    expect(trash).toContain(created.id);
    expect((await staff.post(`/api/enterprises/${created.id}/restore`)).json().isDeleted).toBe(false);
  });

  it('masks phone numbers for a leader, who may not edit', async () => {
    const leader = await t.login('jx_leader');
    const e = (await leader.get('/api/enterprises?q=hxxcl')).json().items[0];
    expect(e.contactPhone).toBe('138****2345');
    expect((await staff.get(`/api/enterprises/${e.id}`)).json().contactPhone).toBe('13853712345');
  });

  it('shows an enterprise user only their own enterprise', async () => {
    const ent = await t.login('hengxing');
    const list = (await ent.get('/api/enterprises?pageSize=200')).json();
    expect(list.items.map((e: { name: string }) => e.name)).toEqual(['山东衡兴新材料有限公司']);
  });
});

describe('isolation between sibling counties', () => {
  let wenshangId: string;
  beforeAll(async () => {
    const ws = await t.login('ws_staff');
    const list = (await ws.get('/api/enterprises?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((e: { regionCode: string }) => e.regionCode === '370830')).toBe(true);
    wenshangId = list.items[0].id;
  });

  const jinxiangUsers = DEMO_USERS.filter((u) => u.regionCode === '370828').map((u) => u.username);

  it.each(jinxiangUsers)('%s cannot list, read, update or export a 370830 row', async (username) => {
    const s = await t.login(username);
    const list = await s.get('/api/enterprises?pageSize=200');
    if (list.statusCode === 200) {
      expect(list.json().items.map((e: { regionCode: string }) => e.regionCode)).not.toContain('370830');
      const search = (await s.get(`/api/enterprises?q=${encodeURIComponent('汶上')}`)).json();
      expect(search.items).toEqual([]);
    } else expect(list.statusCode).toBe(403);
    expect([403, 404]).toContain((await s.get(`/api/enterprises/${wenshangId}`)).statusCode);
    const update = await s.put(`/api/enterprises/${wenshangId}`, newEnterprise({ name: '越权修改' }));
    expect([403, 404]).toContain(update.statusCode);
    const exported = await s.get('/api/enterprises/export.xlsx');
    if (exported.statusCode === 200) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
      expect(text).not.toContain('汶上');
    } else expect(exported.statusCode).toBe(403);
    const ws = await t.login('ws_staff');
    expect((await ws.get(`/api/enterprises/${wenshangId}`)).json().name).not.toBe('越权修改');
  });
});

describe('Excel ledger export and import', () => {
  it('exports a ledger layout with title, region and date, and formula-like text as text', async () => {
    await staff.post(
      '/api/enterprises',
      newEnterprise({ name: '=HYPERLINK("http://x","点我")', address: '+1+1', contactName: '@SUM(A1)' }),
    );
    const res = await staff.get('/api/enterprises/export.xlsx?sort=name');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getCell('A1').value).toBe('金乡县企业台账');
    expect(String(ws?.getCell('A2').value)).toMatch(/填报单位：金乡县科技局.*导出日期：2026年11月29日/);
    expect(ws?.getRow(3).values).toContain('统一社会信用代码');
    let found = false;
    ws?.eachRow((row) => {
      const cell = row.getCell(2);
      const v = cell.value as { richText?: { text: string }[]; formula?: string } | string;
      if (typeof v === 'object' && v?.richText?.[0]?.text.startsWith('=HYPERLINK')) {
        found = true;
        expect(v.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }
    });
    expect(found).toBe(true);
  });

  it('re-imports its own export: updates by record id instead of duplicating', async () => {
    const before = (await staff.get('/api/enterprises?pageSize=200')).json();
    const file = (await staff.get('/api/enterprises/export.xlsx')).rawPayload;
    const preview = await upload(staff, '/api/enterprises/import', file);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      totalRows: before.total,
      validRows: before.total,
      toCreate: 0,
      toUpdate: before.total,
      problems: [],
    });
    const done = await staff.confirmImport('/api/enterprises/import/confirm', preview.json().token);
    expect(done.json()).toEqual({ created: 0, updated: before.total });
    const after = (await staff.get('/api/enterprises?pageSize=200')).json();
    expect(after.total).toBe(before.total);
  });

  it('reports each bad row with its row number, column and reason, and writes nothing until confirmed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('导入');
    ws.addRow(['企业名称', '统一社会信用代码', '企业规模', '所属产业', '联系电话']);
    ws.addRow(['好企业甲', demoCreditCode('370828', 77001), '小型', '新材料', '13900000000']);
    const wrong = demoCreditCode('370828', 77002);
    ws.addRow(['坏代码企业', wrong.slice(0, 17) + (wrong.endsWith('0') ? '1' : '0'), '小型', '', '']);
    ws.addRow(['', demoCreditCode('370828', 77003), '小型', '', '']);
    ws.addRow(['未知规模企业', demoCreditCode('370828', 77004), '超大型', '', '']);
    ws.addRow(['未知产业企业', demoCreditCode('370828', 77005), '中型', '航天', '']);
    ws.addRow(['好企业乙', demoCreditCode('370828', 77001), '中型', '', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await staff.get('/api/enterprises?pageSize=1')).json().total;
    const preview = (await upload(staff, '/api/enterprises/import', file)).json();
    expect(preview.totalRows, JSON.stringify(preview.problems)).toBe(6);
    expect(preview.problems.map((p: { row: number }) => p.row)).toEqual([3, 4, 5, 6, 7]);
    expect(preview.validRows).toBe(1);
    const byRow = (row: number) => preview.problems.filter((p: { row: number }) => p.row === row);
    expect(byRow(3)[0]).toMatchObject({ column: '统一社会信用代码' });
    expect(byRow(3)[0].message).toContain('校验位错误');
    expect(byRow(4)[0]).toMatchObject({ column: '企业名称' });
    expect(byRow(5)[0]).toMatchObject({ column: '企业规模' });
    expect(byRow(6)[0]).toMatchObject({ column: '所属产业', message: '产业“航天”不存在' });
    expect(byRow(7)[0]).toMatchObject({
      column: '统一社会信用代码',
      message: '与第 2 行的统一社会信用代码重复',
    });
    expect((await staff.get('/api/enterprises?pageSize=1')).json().total).toBe(before);
    const done = (await staff.confirmImport('/api/enterprises/import/confirm', preview.token)).json();
    expect(done).toEqual({ created: 1, updated: 0 });
    expect((await staff.get('/api/enterprises?pageSize=1')).json().total).toBe(before + 1);
    expect((await staff.confirmImport('/api/enterprises/import/confirm', preview.token)).statusCode).toBe(
      400,
    );
  });

  it('refuses a zip bomb before opening it, and a file that is not .xlsx', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const big = deflateRawSync(Buffer.alloc(60 * 1024 * 1024, 0x41));
    const bomb = zipOf('xl/worksheets/sheet1.xml', big, 60 * 1024 * 1024);
    const res = await upload(staff, '/api/enterprises/import', bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/解压后过大|压缩比/);
    const notXlsx = await upload(staff, '/api/enterprises/import', Buffer.from('企业名称,信用代码\n甲,1'));
    expect(notXlsx.statusCode).toBe(400);
  });
});

/** A one-entry zip with a declared size, enough for the central-directory check. */
function zipOf(name: string, data: Buffer, size: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}
