import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { deflatedZeros, zipOf } from '../../test/hostile-files.ts';
import { inspectZip } from './zip-guard.ts';

const LIMITS = { maxExpandedBytes: 50 * 1024 * 1024, maxRatio: 100, maxEntries: 10 };

describe('zip guard', () => {
  it('passes a real .xlsx written by ExcelJS', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['企业名称', '统一社会信用代码']);
    const verdict = await inspectZip(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(verdict.ok).toBe(true);
  });

  it('refuses what is not a zip', async () => {
    expect(await inspectZip(Buffer.from('not a zip at all'))).toEqual({
      ok: false,
      reason: '文件不是有效的 Excel（.xlsx）文件',
    });
  });

  it('refuses a highly compressed entry by its ratio even when small in total', async () => {
    const size = 30 * 1024 * 1024;
    const data = deflateRawSync(Buffer.alloc(size));
    const verdict = await inspectZip(zipOf([{ name: 'a.xml', data, size }]), LIMITS);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('压缩比');
  });

  it('counts the bytes really inflated: a bomb declaring 1 KB stops at the limit, fast and small', async () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(300), size: 1024 }]);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const verdict = await inspectZip(bomb, LIMITS);
    const ms = performance.now() - started;
    const grown = (process.memoryUsage().rss - rss) / 1048576;
    expect(verdict).toEqual({ ok: false, reason: '文件解压后超过 50 MB，疑似压缩炸弹，已拒绝' });
    expect(ms).toBeLessThan(2000);
    expect(grown).toBeLessThan(128);
  });

  it('refuses a local entry the directory does not list (a reader walking local headers would see it)', async () => {
    const hidden = zipOf([{ name: 'a.xml', data: deflateRawSync(Buffer.from('<a/>')), size: 4 }]);
    const visible = zipOf([{ name: 'b.xml', data: deflateRawSync(Buffer.from('<b/>')), size: 4 }]);
    // The hidden file's entry placed before the visible zip: every offset in the directory is off.
    const verdict = await inspectZip(Buffer.concat([hidden.subarray(0, 30 + 5 + 6), visible]), LIMITS);
    expect(verdict.ok).toBe(false);
  });

  it('refuses a deflate stream cut short', async () => {
    const data = deflateRawSync(Buffer.from('<worksheet>'.repeat(1000)));
    const verdict = await inspectZip(
      zipOf([{ name: 'a.xml', data: data.subarray(0, 20), size: 11_000 }]),
      LIMITS,
    );
    expect(verdict.ok).toBe(false);
  });
});
