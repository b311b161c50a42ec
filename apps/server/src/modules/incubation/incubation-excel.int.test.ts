import {
  creditCodeCheckChar,
  type ImportPreview,
  type IncubateeDetail,
  type IncubateePage,
  type ServiceRequest,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  today = chinaDay(t.clock.now());
});
afterAll(() => t.close());

async function sheetOf(url: string) {
  const res = await staff.get(url);
  expect(res.statusCode, res.body).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  const header = sheet.getRow(3).values as string[];
  const col = (name: string) => header.indexOf(name);
  const add = (values: Record<string, string | number>) => {
    const row = sheet.addRow([]);
    for (const [k, v] of Object.entries(values)) row.getCell(col(k)).value = v;
    return row.number;
  };
  return { book, sheet, col, add };
}

async function upload(url: string, book: ExcelJS.Workbook) {
  const form = new FormData();
  form.append('file', new Blob([await book.xlsx.writeBuffer()]), 'sheet.xlsx');
  const request = new Request('http://x', { method: 'POST', body: form });
  const res = await staff.request({
    method: 'POST',
    url,
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportPreview;
}

const CODE = `91370828MA3CXL9Y1${creditCodeCheckChar('91370828MA3CXL9Y1')}`;

describe('在孵企业台账 export and checked import', () => {
  it('exports every incubatee with its carrier and stage; a rejected row says which row and why', async () => {
    const { book, sheet, col, add } = await sheetOf('/api/incubatees/ledger.xlsx');
    const names: string[] = [];
    let hengxin = 0;
    for (let r = 4; r <= sheet.rowCount; r++) {
      names.push(sheet.getRow(r).getCell(col('主体名称')).text);
      if (sheet.getRow(r).getCell(col('主体名称')).text === '山东衡新材料科技有限公司') hengxin = r;
    }
    expect(names).toHaveLength(9);
    expect(sheet.getRow(hengxin).getCell(col('阶段')).text).toBe('产业园');
    expect(sheet.getRow(hengxin).getCell(col('所在载体')).text).toBe('金乡县新材料产业园');
    sheet.getRow(hengxin).getCell(col('联系人')).value = '周总';
    const good = add({
      主体名称: '台账导入团队',
      所在载体: '金乡县大蒜产业众创空间',
      入驻日期: '2026/3/5',
      统一社会信用代码: CODE,
    });
    const unknown = add({ 主体名称: '无载体团队', 所在载体: '不存在的孵化器', 入驻日期: today });
    const badCode = add({
      主体名称: '坏代码公司',
      所在载体: '金乡县科技企业孵化器',
      入驻日期: today,
      统一社会信用代码: `${CODE.slice(0, 17)}${CODE.endsWith('0') ? '1' : '0'}`,
    });
    const twice = add({
      主体名称: '重复代码公司',
      所在载体: '金乡县科技企业孵化器',
      入驻日期: today,
      统一社会信用代码: CODE,
    });
    const future = add({ 主体名称: '未来团队', 所在载体: '金乡县科技企业孵化器', 入驻日期: '2999-01-01' });
    const p = await upload('/api/incubatees/import', book);
    const at = (row: number) => p.problems.filter((x) => x.row === row).map((x) => [x.column, x.message]);
    expect(at(good)).toEqual([]);
    expect(at(unknown)).toEqual([['所在载体', '载体“不存在的孵化器”未登记，请先登记载体']]);
    expect(at(badCode).map(([c]) => c)).toEqual(['统一社会信用代码']);
    expect(at(twice)).toEqual([['统一社会信用代码', `与第 ${good} 行的统一社会信用代码重复`]]);
    expect(at(future)).toEqual([['入驻日期', '入驻日期不能晚于今天']]);
    expect(p).toMatchObject({ totalRows: 14, validRows: 10, toCreate: 1, toUpdate: 9 });
    const done = await staff.post('/api/incubatees/import/confirm', { token: p.token });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ created: 1, updated: 9 });
    const list = (await staff.get('/api/incubatees?q=台账导入团队')).json() as IncubateePage;
    expect(list.items[0]).toMatchObject({ stage: 'maker_space', enteredOn: '2026-03-05', creditCode: CODE });
    const detail = (await staff.get(`/api/incubatees/${list.items[0]?.id}`)).json() as IncubateeDetail;
    expect(detail.chain.map((s) => s.carrierName)).toEqual(['金乡县大蒜产业众创空间']);
  });
});

describe('quarterly reports', () => {
  it('imports the template filled in; a bad row says which row and why', async () => {
    const { book, sheet, col } = await sheetOf('/api/incubatees/reports/template.xlsx');
    const rowOf = (name: string) => {
      for (let r = 4; r <= sheet.rowCount; r++)
        if (sheet.getRow(r).getCell(col('主体名称')).text === name) return sheet.getRow(r);
      throw new Error(name);
    };
    const fill = (row: ExcelJS.Row, v: (string | number)[]) => {
      ['营业收入（万元）', '从业人员（人）', '研发投入（万元）', '知识产权（件）', '融资额（万元）'].forEach(
        (h, i) => {
          row.getCell(col(h)).value = v[i] as string | number;
        },
      );
    };
    fill(rowOf('蒜芯生物创业团队'), [12, 6, 3, 1, 0]);
    const bad = rowOf('智农物联创业团队');
    fill(bad, ['很多', 5, 1, 0, 0]);
    bad.getCell(col('季度')).value = 5;
    const p = await upload('/api/incubatees/reports/import', book);
    expect(
      p.problems
        .filter((x) => x.row === bad.number)
        .map((x) => x.column)
        .sort(),
    ).toEqual(['季度', '营业收入（万元）']);
    expect(p).toMatchObject({ totalRows: 2, validRows: 1, toCreate: 1 });
    const done = await staff.post('/api/incubatees/reports/import/confirm', { token: p.token });
    expect(done.json()).toEqual({ created: 1, updated: 0 });
    const list = (await staff.get('/api/incubatees?q=蒜芯生物')).json() as IncubateePage;
    const detail = (await staff.get(`/api/incubatees/${list.items[0]?.id}`)).json() as IncubateeDetail;
    expect(detail.reports[0]).toMatchObject({ revenue: 12, staff: 6, rdSpend: 3, ipCount: 1 });
  });

  it('the incubatee’s own enterprise user fills in its quarter on the phone form, and no other', async () => {
    const [hengxing] = rowsOf<{ code: string }>(
      await t.db.owner.execute(
        sql`SELECT credit_code AS code FROM enterprises WHERE name = '山东衡兴新材料有限公司'`,
      ),
    );
    const all = (await staff.get('/api/incubatees?q=智农物联')).json() as IncubateePage;
    const id = all.items[0]?.id as string;
    await staff.post(`/api/incubatees/${id}/registration`, { creditCode: hengxing?.code });
    const own = await t.login('hengxing');
    const report = { year: 2026, quarter: 2, revenue: 50, staff: 9, rdSpend: 8, ipCount: 2, financing: 100 };
    const res = await own.put(`/api/incubatees/${id}/reports`, report);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as IncubateeDetail).reports[0]).toMatchObject(report);
    const other = (await staff.get('/api/incubatees?q=蒜芯生物')).json() as IncubateePage;
    expect((await own.put(`/api/incubatees/${other.items[0]?.id}/reports`, report)).statusCode).toBe(404);
  });
});

describe('a visit’s problems become a service request', () => {
  it('raises the request from the visit (its id is the one-time key) and shows it on the visit', async () => {
    const list = (await staff.get('/api/incubatees?q=金乡绿能')).json() as IncubateePage;
    const id = list.items[0]?.id as string;
    const visited = (
      await staff.post(`/api/incubatees/${id}/visits`, {
        on: today,
        visitor: '张敏',
        problems: '缺少中试场地',
      })
    ).json() as IncubateeDetail;
    const visit = visited.visits[0];
    expect(visit?.serviceRequestId).toBeNull();
    const body = {
      title: '走访问题：金乡绿能储电科技有限公司',
      description: visit?.problems,
      kind: 'other',
      requesterName: '金乡绿能储电科技有限公司',
      idempotencyKey: visit?.id,
    };
    const created = await staff.post('/api/concierge/requests', body);
    expect(created.statusCode, created.body).toBe(200);
    const again = await staff.post('/api/concierge/requests', body);
    expect((again.json() as ServiceRequest).id).toBe((created.json() as ServiceRequest).id);
    const after = (await staff.get(`/api/incubatees/${id}`)).json() as IncubateeDetail;
    expect(after.visits[0]).toMatchObject({
      serviceRequestId: (created.json() as ServiceRequest).id,
      serviceRequestNumber: (created.json() as ServiceRequest).number,
    });
  });
});
