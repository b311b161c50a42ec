/**
 * Worker thread (see platform/jobs/worker.ts): checks an uploaded .xlsx with the zip guard, then
 * streams its sheets with ExcelJS's streaming reader, row by row as they appear in the file (a far
 * cell is one row, not a million), under the caps of IMPORT_LIMITS. Answers a job `{ id, data:
 * { file } }` with `{ id, ... }`:
 *   { type: 'sheet', index, name } · { type: 'rows', index, rows: [rowNumber, cells][] } ·
 *   { type: 'refused', message } or { type: 'done', order: sheet names in workbook order } · { type: 'end' }
 */
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { IMPORT_LIMITS, thousands } from './import-limits.ts';
import { cellText } from './workbook.ts';
import { inspectZip, type ZipPart } from './zip-guard.ts';

type Refusal = { refused: string };
const BATCH = 2_000;

async function read(file: Uint8Array, post: (m: object) => void): Promise<string[] | Refusal> {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const verdict = await inspectZip(buf);
  if (!verdict.ok) return { refused: verdict.reason };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([inReadingOrder(buf, verdict.parts)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let cells = 0;
  let index = 0;
  for await (const sheet of reader) {
    const name = String((sheet as unknown as { name?: string }).name ?? `Sheet${index + 1}`);
    post({ type: 'sheet', index, name });
    let batch: [number, string[]][] = [];
    for await (const row of sheet) {
      if (!(row.number >= 1 && row.number <= IMPORT_LIMITS.maxRows))
        return {
          refused: `工作表“${name}”用到第 ${thousands(row.number)} 行，超过上限：每个工作表最多 ${thousands(IMPORT_LIMITS.maxRows)} 行`,
        };
      const values: string[] = [];
      row.eachCell((cell, col) => {
        cells++;
        if (col <= IMPORT_LIMITS.maxColumns) values[col - 1] = cellText(cell);
      });
      if (cells > IMPORT_LIMITS.maxCells)
        return {
          refused: `文件的单元格超过上限：每个文件最多 ${thousands(IMPORT_LIMITS.maxCells)} 个单元格`,
        };
      if (values.length > 0) batch.push([row.number, values]);
      if (batch.length >= BATCH) {
        post({ type: 'rows', index, rows: batch });
        batch = [];
      }
    }
    if (batch.length > 0) post({ type: 'rows', index, rows: batch });
    index++;
  }
  const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
  return (model?.sheets ?? []).map((s) => s.name);
}

/**
 * The streaming reader walks local entries in file order and needs the workbook, its relations,
 * styles and shared strings before a sheet (ExcelJS writes them after the sheets, and then fails
 * to name them). The checked entries are put in that order; a file without shared strings gets an
 * empty table, so no sheet is parked in a temporary file.
 */
function inReadingOrder(buf: Buffer, parts: ZipPart[]): Buffer {
  const rank = (name: string) => {
    const i = FIRST.indexOf(name);
    return i < 0 ? FIRST.length : i;
  };
  const ordered = [...parts].sort((a, b) => rank(a.name) - rank(b.name));
  const chunks = ordered.map((p) => buf.subarray(p.start, p.end));
  if (!parts.some((p) => p.name === SHARED_STRINGS)) chunks.unshift(storedEntry(SHARED_STRINGS, '<sst/>'));
  // The central directory follows the entries: the reader stops at its signature.
  return Buffer.concat([...chunks, Buffer.from([0x50, 0x4b, 0x01, 0x02])]);
}

const SHARED_STRINGS = 'xl/sharedStrings.xml';
const FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', SHARED_STRINGS];

function storedEntry(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}

parentPort?.on('message', async ({ id, data }: { id: number; data: { file: Uint8Array } }) => {
  const post = (m: object) => parentPort?.postMessage({ id, ...m });
  try {
    const result = await read(data.file, post);
    post(
      Array.isArray(result) ? { type: 'done', order: result } : { type: 'refused', message: result.refused },
    );
  } catch {
    post({ type: 'refused', message: '无法读取该 Excel 文件，请确认是 .xlsx 格式' });
  }
  post({ type: 'end' });
});
