import { AppError } from '../http/errors.ts';
import { createWorkerPool } from '../jobs/worker.ts';
import { createBreather } from '../jobs/yielding.ts';

/** One row as read: its number in the sheet and its cells' text (index 0 is column A). */
export type SheetRow = { row: number; cells: string[] };
export type UploadedSheet = { name: string; rows: SheetRow[] };
/** The sheets of an uploaded workbook in workbook order (the first is the one Excel opens on). */
export type UploadedBook = { sheets: UploadedSheet[] };

type FromWorker =
  | { type: 'sheet'; index: number; name: string }
  | { type: 'rows'; index: number; rows: [number, string[]][] }
  | { type: 'refused'; message: string }
  | { type: 'done'; order: string[] };

const pool = createWorkerPool(new URL('./sheet-worker.ts', import.meta.url));

/** Starts the parsing worker ahead of the first upload (main.ts does at start). */
export const warmSheetReader = () => pool.warm();
/** Ends the parsing workers (the server closing); a later upload starts them again. */
export const closeSheetReader = () => pool.close();

/**
 * Reads an uploaded .xlsx off the request thread: the zip guard and the parse run in a worker,
 * which streams rows back in batches. A refused or unreadable file is a 400 with the reason.
 */
export async function readUploadedSheets(file: Buffer): Promise<UploadedBook> {
  const copy = new Uint8Array(file);
  const run = await pool.run({ file: copy }, [copy.buffer]);
  const sheets: UploadedSheet[] = [];
  let order: string[] | null = null;
  let refusal: string | null = null;
  try {
    // Read to the job's end (the worker then takes the next job) even after a refusal.
    for await (const raw of run.messages) {
      const m = raw as unknown as FromWorker;
      if (m.type === 'sheet') sheets[m.index] = { name: m.name, rows: [] };
      else if (m.type === 'rows') {
        const target = sheets[m.index]?.rows;
        for (const [row, cells] of m.rows) target?.push({ row, cells });
      } else if (m.type === 'refused') refusal = m.message;
      else order = m.order;
    }
  } catch {
    throw new AppError(400, 'BAD_FILE', '文件过大或过于复杂，无法读取');
  } finally {
    await run.stop();
  }
  if (refusal !== null) throw new AppError(400, 'BAD_FILE', refusal);
  if (order === null) throw new AppError(400, 'BAD_FILE', '无法读取该 Excel 文件，请确认是 .xlsx 格式');
  const rank = (s: UploadedSheet) => {
    const i = (order as string[]).indexOf(s.name);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return { sheets: sheets.filter(Boolean).sort((a, b) => rank(a) - rank(b)) };
}

/** The text of a row's cell by column number (1 = A); empty when absent. */
export const cellAt = (row: SheetRow, col: number | undefined): string =>
  col === undefined ? '' : (row.cells[col - 1] ?? '');

/** The first row among the first ten that names every `required` header; columns by header text. */
export function findHeaderRow(
  sheet: UploadedSheet,
  required: readonly string[],
  wanted: ReadonlySet<string>,
): { row: number; columns: Map<string, number> } | null {
  for (const r of sheet.rows) {
    if (r.row > 10) break;
    const columns = new Map<string, number>();
    r.cells.forEach((text, i) => {
      if (wanted.has(text)) columns.set(text, i + 1);
    });
    if (required.every((h) => columns.has(h))) return { row: r.row, columns };
  }
  return null;
}

/** A data row below the header: its number and its cells' text by header name. */
export type DataRow = { row: number; get: (header: string) => string };

/**
 * The rows below `header` that have any text in a known column, each with a getter by header
 * name. Gives the event loop a turn now and then (platform/jobs/yielding.ts), so a large sheet
 * does not hold up other requests.
 */
export async function* dataRows(
  sheet: UploadedSheet,
  header: { row: number; columns: Map<string, number> },
): AsyncGenerator<DataRow> {
  const breathe = createBreather();
  const names = [...header.columns.keys()];
  for (const line of sheet.rows) {
    await breathe();
    if (line.row <= header.row) continue;
    const get = (name: string) => cellAt(line, header.columns.get(name));
    if (names.every((k) => get(k) === '')) continue;
    yield { row: line.row, get };
  }
}
