import { availableParallelism, loadavg } from 'node:os';
import type { ImportPreview } from '@gaodi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import {
  deflatedZeros,
  enterpriseSheet,
  farCellXlsx,
  multipartBody,
  sheetXlsx,
  zipOf,
} from '../../test/hostile-files.ts';
import { measure } from '../../test/latency-probe.ts';
import { readUploadedSheets } from './sheet-reader.ts';

/**
 * Files that used to freeze the server (issue 9): each is refused in < 2 s with < +128 MB, and
 * other requests (health pings) are answered within 100 ms meanwhile; a 20,000-row import is
 * previewed and confirmed without holding anyone up. The 200,000-row figures: npm run bench:imports.
 */
let t: TestApp;
let staff: Session;
let institute: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  institute = await t.login('sdu_liaison');
  // As main.ts does at start: the parsing worker has ExcelJS loaded before the first upload.
  await readUploadedSheets(await sheetXlsx(['a'], 1, () => ['b']));
  // What health answers in with nothing else going on (the machine may be busy with other work).
  const idle = await measure(t.app, () => new Promise((r) => setTimeout(r, 2000)));
  console.info(`idle: ${JSON.stringify({ ...idle, result: undefined })}`);
});

/**
 * The figures hold on a machine with a core to spare. The test machine may be shared and far
 * busier (load average many times its cores): then the limits stretch by that factor, and the
 * figures printed are to be read as such; `npm run bench:imports` measures them properly.
 */
const busy = Math.max(1, (loadavg()[0] ?? 0) / availableParallelism());
const allowedMs = 100 * busy;
const withinMs = 2000 * busy;
afterAll(() => t.close());

const upload = (who: Session, url: string, name: string, bytes: Buffer) =>
  who.request({ method: 'POST', url, ...multipartBody(name, bytes) });

const ENDPOINTS = [
  { url: '/api/enterprises/import', who: () => staff, header: ['企业名称', '统一社会信用代码'] },
  { url: '/api/recruitment/ledger/import', who: () => staff, header: ['院所名称', '招引阶段'] },
  { url: '/api/achievements/import', who: () => institute, header: ['成果名称', '所属院所', '成果简介'] },
];

describe('hostile workbooks are refused quickly, without memory, without holding anyone up', () => {
  for (const e of ENDPOINTS) {
    it(`${e.url}: a 6 KB file with one cell in row 1,048,576 is refused with the row cap`, async () => {
      const file = await farCellXlsx(e.header);
      expect(file.length).toBeLessThan(8 * 1024);
      const m = await measure(t.app, () => upload(e.who(), e.url, 'far.xlsx', file));
      expect(m.result.statusCode, m.result.body).toBe(400);
      expect(m.result.json().message).toBe(
        '工作表“Sheet1”用到第 1,048,576 行，超过上限：每个工作表最多 250,000 行',
      );
      console.info(`far cell ${e.url}: ${JSON.stringify({ ...m, result: undefined })}`);
      expect(m.ms).toBeLessThan(withinMs);
      expect(m.rssMb).toBeLessThan(128);
      expect(m.maxHealthMs).toBeLessThan(allowedMs);
    });
  }

  it('a zip bomb with falsified sizes (300 MB declared as 1 KB) is refused at the limit', async () => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), size: 8, method: 0 },
      { name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(300), size: 1024 },
    ]);
    const m = await measure(t.app, () => upload(staff, '/api/enterprises/import', 'bomb.xlsx', bomb));
    expect(m.result.statusCode).toBe(400);
    expect(m.result.json().message).toMatch(/^文件解压后超过 \d+ MB，疑似压缩炸弹，已拒绝$/);
    console.info(`zip bomb: ${JSON.stringify({ ...m, result: undefined })}`);
    expect(m.ms).toBeLessThan(withinMs);
    expect(m.rssMb).toBeLessThan(128);
    expect(m.maxHealthMs).toBeLessThan(allowedMs);
  });

  it('three far-cell files in parallel: all refused, health still answered in time', async () => {
    const file = await farCellXlsx(['企业名称', '统一社会信用代码']);
    const m = await measure(t.app, () =>
      Promise.all([1, 2, 3].map(() => upload(staff, '/api/enterprises/import', 'far.xlsx', file))),
    );
    for (const r of m.result) expect(r.statusCode).toBe(400);
    console.info(`3 far cells: ${JSON.stringify({ ...m, result: undefined })}`);
    expect(m.ms).toBeLessThan(2 * withinMs);
    expect(m.rssMb).toBeLessThan(128);
    expect(m.maxHealthMs).toBeLessThan(allowedMs);
  });
});

describe('a large import', () => {
  it('previews 20,000 rows with the first 200 problems, a count and the full list as .xlsx', async () => {
    const file = await enterpriseSheet(20_000, 10);
    const preview = await measure(t.app, () => upload(staff, '/api/enterprises/import', 'big.xlsx', file));
    expect(preview.result.statusCode, preview.result.body).toBe(200);
    const body = preview.result.json() as ImportPreview;
    console.info(`preview 20k: ${JSON.stringify({ ...preview, result: undefined })}`);
    expect(body.totalRows).toBe(20_000);
    expect(body.validRows).toBe(18_000);
    expect(body.problems).toHaveLength(200);
    expect(body.problemCount).toBe(2_000);
    expect(body.problems[0]).toMatchObject({ row: 2, column: '统一社会信用代码' });
    expect(preview.maxHealthMs).toBeLessThan(allowedMs);

    const list = await staff.get(body.problemsFile as string);
    expect(list.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(list.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, '行号', '列', '问题']);
    expect(sheet?.actualRowCount).toBe(2_001);
    expect(sheet?.getRow(2).getCell(1).value).toBe(2);
  });

  it('is confirmed in one transaction, in the background: health is answered meanwhile', async () => {
    // Fewer rows than the preview above: writing is about 2 statements a row (the bench writes 180,000).
    const file = await enterpriseSheet(1_000, 10);
    const preview = await upload(staff, '/api/enterprises/import', 'big.xlsx', file);
    const { token } = preview.json() as ImportPreview;
    const confirm = await measure(t.app, () => staff.confirmImport('/api/enterprises/import/confirm', token));
    expect(confirm.result.statusCode, confirm.result.body).toBe(200);
    expect(confirm.result.json()).toEqual({ created: 900, updated: 0 });
    console.info(`confirm 900: ${JSON.stringify({ ...confirm, result: undefined })}`);
    expect(confirm.maxHealthMs).toBeLessThan(allowedMs);
    const listed = await staff.get('/api/enterprises?q=导入测试企业999&pageSize=5');
    expect(listed.json().total).toBe(1);
  }, 240_000);
});
