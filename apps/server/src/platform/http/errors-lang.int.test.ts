import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../../demo/demo-data.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
});
afterAll(() => t.close());

type Lang = 'zh' | 'en';
type Field = { path: string; message: string };
const CJK = /[\u4e00-\u9fff]/;

/** The same request as a user whose UI is set to `lang` (the header the browser sends). */
function as(lang: Lang, opts: InjectOptions) {
  return staff.request({
    ...opts,
    headers: {
      ...(opts.headers ?? {}),
      'accept-language': lang === 'en' ? 'en-GB,en;q=0.9' : 'zh-CN,zh;q=0.9',
    },
  });
}
const post = (lang: Lang, url: string, payload: unknown) =>
  as(lang, { method: 'POST', url, payload: payload as InjectOptions['payload'] });

async function fields(lang: Lang, url: string, payload: unknown): Promise<Field[]> {
  const res = await post(lang, url, payload);
  expect(res.statusCode, res.body).toBe(400);
  return res.json().fields;
}
const at = (fs: Field[], path: string) => fs.find((f) => f.path === path)?.message;

describe('field messages follow the user language', () => {
  it('names an unknown API path in the user language', async () => {
    const zh = await as('zh', { method: 'GET', url: '/api/no-such-thing' });
    const en = await as('en', { method: 'GET', url: '/api/no-such-thing' });
    expect([zh.statusCode, zh.json().message]).toEqual([404, '接口不存在']);
    expect(en.statusCode).toBe(404);
    expect(en.json().message).not.toMatch(CJK);
  });

  it("words zod's own issues with the field's label and what to do, never zod's text", async () => {
    const body = { title: '高'.repeat(1000), description: 42, budgetMinFen: -1 };
    const zh = await fields('zh', '/api/needs', body);
    const en = await fields('en', '/api/needs', body);
    expect(at(zh, 'title')).toBe('需求名称不能超过 120 个字');
    expect(at(en, 'title')).toBe('The need title cannot exceed 120 characters');
    expect(at(zh, 'description')).toBe('需求描述须为文字');
    expect(at(en, 'description')).toBe('The need description must be text');
    expect(at(zh, 'budgetMinFen')).toBe('预算下限须为不小于 0 的数字');
    expect(at(en, 'budgetMinFen')).toBe('The budget minimum must be a number not less than 0');
    const empty = { title: '', description: '  ' };
    expect(await fields('zh', '/api/needs', empty)).toEqual([
      { path: 'title', message: '请填写需求名称' },
      { path: 'description', message: '请填写需求描述' },
    ]);
    expect(await fields('en', '/api/needs', empty)).toEqual([
      { path: 'title', message: 'Enter the need title' },
      { path: 'description', message: 'Enter the need description' },
    ]);
  });

  it('translates a contract refinement and a custom zod message', async () => {
    const body = { title: '预算倒挂', description: '描述', budgetMinFen: 5, budgetMaxFen: 1 };
    expect(at(await fields('zh', '/api/needs', body), 'budgetMaxFen')).toBe('预算上限不能低于下限');
    expect(at(await fields('en', '/api/needs', body), 'budgetMaxFen')).toBe(
      'The budget maximum cannot be below the minimum',
    );
    const badDate = { title: '日期', description: '描述', deadline: '2026/12/01' };
    expect(at(await fields('zh', '/api/needs', badDate), 'deadline')).toBe('日期格式应为 YYYY-MM-DD');
    expect(at(await fields('en', '/api/needs', badDate), 'deadline')).toBe(
      'Date must be in the form YYYY-MM-DD',
    );
  });

  it('translates an interpolated refinement (credit code check character)', async () => {
    const good = demoCreditCode('370828', 88001);
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const body = { creditCode: wrong, name: '语言测试企业', industryId: null, scale: 'small' };
    const zh = at(await fields('zh', '/api/enterprises', body), 'creditCode');
    const en = at(await fields('en', '/api/enterprises', body), 'creditCode');
    expect(zh).toBe(`统一社会信用代码校验位错误，应为 ${good.at(-1)}`);
    expect(en).toBe(`Wrong check character in the unified social credit code; it should be ${good.at(-1)}`);
  });

  it("translates a service's invalid() field and the top-level message", async () => {
    const body = { title: '无企业', description: '描述' };
    const zh = await post('zh', '/api/needs', body);
    const en = await post('en', '/api/needs', body);
    expect(zh.json()).toMatchObject({
      code: 'VALIDATION',
      message: '提交的内容有误，请检查标出的字段',
      fields: [{ path: 'enterpriseId', message: '请选择提出需求的企业' }],
    });
    expect(en.json()).toMatchObject({
      code: 'VALIDATION',
      message: 'Some fields are invalid',
      fields: [{ path: 'enterpriseId', message: 'Please choose the enterprise that raises the need' }],
    });
  });

  it('takes the language from the gaodi_lang cookie the UI sets, over the header', async () => {
    const res = await staff.request({
      method: 'POST',
      url: '/api/needs',
      payload: { title: '无企业', description: '描述' },
      headers: { cookie: `${staff.cookie}; gaodi_lang=en`, 'accept-language': 'zh-CN' },
    });
    expect(res.json().fields[0].message).toBe('Please choose the enterprise that raises the need');
  });
});

async function upload(lang: Lang, url: string, file: Buffer) {
  const boundary = '----gaodi-lang-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="enterprises.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return as(lang, {
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('Excel import row reasons follow the user language', () => {
  it('gives each bad row its reason in English, columns as the file names them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('导入');
    ws.addRow(['企业名称', '统一社会信用代码', '企业规模', '所属产业']);
    ws.addRow(['语言导入甲', demoCreditCode('370828', 88101), '小型', '']);
    ws.addRow(['语言导入乙', demoCreditCode('370828', 88102), '中型', '航天']);
    ws.addRow(['语言导入丙', demoCreditCode('370828', 88101), '中型', '']);
    ws.addRow(['长'.repeat(500), demoCreditCode('370828', 88103), '小型', '']);
    ws.addRow(['语言导入丁', demoCreditCode('370828', 88104), '超大型', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const zh = (await upload('zh', '/api/enterprises/import', file)).json();
    const en = (await upload('en', '/api/enterprises/import', file)).json();
    const row = (preview: { problems: { row: number; column: string; message: string }[] }, r: number) =>
      preview.problems.find((p) => p.row === r);

    expect(row(zh, 3)).toEqual({ row: 3, column: '所属产业', message: '产业“航天”不存在' });
    expect(row(en, 3)).toEqual({ row: 3, column: '所属产业', message: 'Industry “航天” does not exist' });
    expect(row(zh, 4)?.message).toBe('与第 2 行的统一社会信用代码重复');
    expect(row(en, 4)?.message).toBe('Same unified social credit code as row 2');
    expect(row(zh, 5)).toMatchObject({ column: '企业名称', message: expect.stringMatching(/^数值过大/) });
    expect(row(en, 5)?.message).toMatch(/^Too big: expected string to have <=\d+ characters$/);
    // The accepted values are what the user must type into the file, so they stay as written.
    expect(row(en, 6)?.message).toBe('Enterprise scale must be one of: 大型、中型、小型、微型');
    expect(en.problems.map((p: { row: number }) => p.row)).toEqual(
      zh.problems.map((p: { row: number }) => p.row),
    );
    for (const p of en.problems)
      expect(p.message.replace(/“.*?”/g, '').replace(/one of: .*$/, '')).not.toMatch(CJK);
  });

  it('translates a refused upload in English too', async () => {
    const res = await upload('en', '/api/enterprises/import', Buffer.from('企业名称,信用代码\n甲,1'));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).not.toMatch(CJK);
  });
});
