import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inspectZip } from './zip-guard.ts';

describe('zip guard', () => {
  it('passes a real .xlsx written by ExcelJS', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['企业名称', '统一社会信用代码']);
    const verdict = inspectZip(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(verdict.ok).toBe(true);
  });

  it('refuses what is not a zip', () => {
    expect(inspectZip(Buffer.from('not a zip at all'))).toEqual({
      ok: false,
      reason: '文件不是有效的 Excel（.xlsx）文件',
    });
  });

  it('refuses a highly compressed entry by its ratio even when small in total', () => {
    const size = 30 * 1024 * 1024;
    const data = deflateRawSync(Buffer.alloc(size));
    const verdict = inspectZip(zip(data, size), {
      maxExpandedBytes: 50 * 1024 * 1024,
      maxRatio: 100,
      maxEntries: 10,
    });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('压缩比');
  });
});

function zip(data: Buffer, size: number): Buffer {
  const name = Buffer.from('a.xml');
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(data.length, 16);
  return Buffer.concat([data, central, name, end]);
}
