import { createDeflateRaw } from 'node:zlib';
import { creditCodeCheckChar } from '@gaodi/contracts';
import ExcelJS from 'exceljs';

/** Files an attacker sends, built in the tests (and the bench) rather than kept as fixtures. */

type ZipEntry = { name: string; data: Buffer; size: number; method?: 0 | 8 };

/** A zip with the given (already compressed) entries; `size` is what the zip declares, true or not. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method ?? 8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `megabytes` MB of zeros, deflated as a stream (never held inflated). About 1 KB per MB. */
export async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!deflater.write(zeros)) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await done;
  return Buffer.concat(out);
}

/** A small .xlsx: the given header in row 1 and one cell in the last row Excel allows (1,048,576). */
export async function farCellXlsx(header: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  ws.getCell('A1048576').value = 'x';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A header row and `rows` rows written by ExcelJS's streaming writer. */
export async function sheetXlsx(
  header: string[],
  rows: number,
  row: (i: number) => unknown[],
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** About `megabytes` MB of JSONL in the corpus format. */
export function largeJsonl(megabytes: number): Buffer {
  const line = `${JSON.stringify({ id: 'x', owners: ['某大学'], title: '标题', keywords: ['a'], text: '内容'.repeat(200) })}\n`;
  const count = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(line));
  return Buffer.from(line.repeat(count));
}

/** A multipart/form-data body with one file part. */
export function multipartBody(filename: string, bytes: Buffer, boundary = 'gaodiBoundary7MA4YWxk') {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A valid credit code for serial `i` (county 370828). */
export function creditCodeFor(i: number): string {
  const first17 = `91370828${String(i).padStart(9, '0')}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

/**
 * An enterprise import sheet of `rows` rows as an office would send it; every `badEvery`-th row
 * has a credit code that fails its check digit (a problem for the preview to report).
 */
export function enterpriseSheet(rows: number, badEvery = 0): Promise<Buffer> {
  return sheetXlsx(['企业名称', '统一社会信用代码', '企业规模', '地址', '联系人', '联系电话'], rows, (i) => [
    `导入测试企业${i}`,
    badEvery > 0 && i % badEvery === 0 ? `BAD${i}` : creditCodeFor(i + 500_000),
    '小型',
    `金乡县测试路${i}号`,
    '张三',
    '0537-8888888',
  ]);
}
