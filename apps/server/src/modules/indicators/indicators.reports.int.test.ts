import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Indicators } from '@gaodi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** LibreOffice headless converts the file; returns the converted file's path. */
function convert(buf: Buffer, name: string, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gaodi-indicators-'));
  writeFileSync(join(dir, name), buf);
  execFileSync('soffice', ['--headless', '--convert-to', to, '--outdir', dir, join(dir, name)], {
    timeout: 180_000,
    stdio: 'ignore',
  });
  return join(dir, `${name.replace(/\.[^.]+$/, '')}.${to.split(':')[0]}`);
}

let t: TestApp;
let staff: Session;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  const now = t.clock.now();
  t.clock.set(new Date('2026-10-31T16:30:00Z'));
  await t.app.scheduledJobs.find((j) => j.name === 'indicators.snapshot')?.run();
  t.clock.set(now);
});
afterAll(() => t.close());

async function workbook(s: Session, query: string) {
  const res = await s.get(`/api/indicators/export.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { wb, raw: res.rawPayload };
}

describe('indicator ledger (.xlsx)', () => {
  it('prints A4 landscape, fit to width, title and header rows on every page; ids hidden, dates real', async () => {
    const { wb, raw } = await workbook(staff, 'year=2026');
    const summary = wb.getWorksheet('指标汇总');
    expect(summary?.getCell(1, 1).value).toBe('金乡县2026年创新高地建设指标台账');
    expect(summary?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    });
    expect(summary?.headerFooter.oddFooter).toContain('&P');
    const figures = (await staff.get('/api/indicators?year=2026')).json() as Indicators;
    const events = figures.indicators.find((i) => i.code === 'events');
    const row = summary
      ?.getRows(4, figures.indicators.length)
      ?.find((r) => r.getCell(1).value === events?.name);
    expect(row?.getCell(2).value).toBe(18);
    expect(row?.getCell(8).value).toBeGreaterThan(0); // the October snapshot
    const detail = wb.getWorksheet('明细');
    const total = figures.indicators.reduce((s, i) => s + i.value, 0);
    expect((detail?.rowCount ?? 0) - 3).toBe(total);
    expect(detail?.getColumn(5).hidden).toBe(true);
    const dated = detail?.getRows(4, total)?.find((r) => r.getCell(3).value instanceof Date);
    expect(dated?.getCell(3).numFmt).toBe('yyyy"年"m"月"d"日"');
    if (hasSoffice)
      expect(
        readFileSync(convert(raw, 'ledger.xlsx', 'pdf'))
          .subarray(0, 4)
          .toString(),
      ).toBe('%PDF');
  });

  it('a city’s ledger has its counties with a total', async () => {
    const city = await t.login('jn_leader');
    const { wb } = await workbook(city, 'year=2026&region=370800');
    const regions = wb.getWorksheet('分区域');
    const rows = regions?.getRows(4, (regions?.rowCount ?? 3) - 3) ?? [];
    const jinxiang = rows.find((r) => r.getCell(1).value === '金乡县');
    expect(jinxiang?.getCell(2).value).toBe(18);
    const total = rows.at(-1);
    expect(total?.getCell(1).value).toBe('合计');
    const sum = rows.slice(0, -1).reduce((s, r) => s + Number(r.getCell(2).value), 0);
    expect(total?.getCell(2).value).toBe(sum);
  });
});

describe('工作专报 (.docx)', () => {
  it('reports the month from its snapshot in the official layout, with the office’s next steps', async () => {
    const snapshot = (await staff.get('/api/indicators/snapshot?period=2026-10')).json();
    const events = snapshot.figures.find((f: { code: string }) => f.code === 'events');
    const next = encodeURIComponent('一是抓好年底项目签约。\n二是筹备明年对接活动。');
    const res = await staff.get(
      `/api/indicators/briefing.docx?period=2026-10&number=第10期&nextSteps=${next}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = hasSoffice
      ? readFileSync(convert(res.rawPayload, 'briefing.docx', 'txt:Text'), 'utf8')
      : res.rawPayload.toString('latin1');
    if (!hasSoffice) return;
    for (const part of [
      '工作专报',
      '第10期',
      '金乡县创新高地建设工作专班',
      '关于金乡县2026年1—10月创新高地建设工作进展情况的报告',
      '截至2026年10月底（月末快照）',
      `产学研对接活动 ${events.frozen} 场`,
      '工作亮点',
      '需关注的问题',
      '一是抓好年底项目签约。',
      '二是筹备明年对接活动。',
    ])
      expect(text, part).toContain(part);
    expect(text).not.toContain('分区域情况');
  });

  it('reports a quarter, and a city’s briefing has its counties', async () => {
    const city = await t.login('jn_leader');
    const res = await city.get('/api/indicators/briefing.docx?period=2026-09&kind=quarterly&region=370800');
    expect(res.statusCode, res.body).toBe(200);
    if (!hasSoffice) return;
    const text = readFileSync(convert(res.rawPayload, 'q3.docx', 'txt:Text'), 'utf8');
    expect(text).toContain('关于济宁市2026年第三季度创新高地建设工作进展情况的报告');
    expect(text).toContain('分区域情况');
    expect(text).toContain('金乡县');
    const helper = await t.login('jx_helper');
    expect((await helper.get('/api/indicators/briefing.docx?period=2026-10')).statusCode).toBe(403);
  });
});
