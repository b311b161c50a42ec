import ExcelJS from 'exceljs';
import { AppError } from '../http/errors.ts';
import { inspectZip } from './zip-guard.ts';

export type LedgerColumn<Row> = {
  header: string;
  width: number;
  value: (row: Row) => string | number | null;
  /**
   * `id`: a hidden column (a re-import finds the record by it; the print leaves it out);
   * `date`: a YYYY-MM-DD value written as a real date shown 2026年11月29日.
   */
  kind?: 'id' | 'date';
};

/** How Chinese offices print a date cell. */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The print layout of every ledger: A4 landscape, fit to the page width (as many pages down as it
 * takes), the title and header rows repeated on each page, the title in the page header and
 * "第 N 页 共 M 页" in the footer.
 */
function setPrintLayout(ws: ExcelJS.Worksheet, title: string, headerRow: number) {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `1:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: `&C&"宋体"&10${title.replaceAll('&', '&&')}`,
    oddFooter: '&C第 &P 页 共 &N 页',
  };
}

function writeCell<Row>(cell: ExcelJS.Cell, column: LedgerColumn<Row>, row: Row) {
  const v = column.value(row);
  const date = column.kind === 'date' && typeof v === 'string' ? ISO_DATE.exec(v) : null;
  if (date) {
    cell.value = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
    cell.numFmt = CHINESE_DATE_FORMAT;
  } else if (typeof v === 'string' && FORMULA_START.test(v)) {
    cell.value = { richText: [{ text: v }] };
    cell.numFmt = '@';
  } else {
    cell.value = v ?? '';
  }
  cell.border = thin;
}

/** 2026年11月29日, as Chinese offices write dates. Shanghai time. */
export function chineseDate(d: Date): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A ledger (台账) sheet as offices lay it out: a merged title row, a row with the region and the
 * date, a bold header, then one row per record. Text that starts like a formula is written as a
 * text cell, so it never runs as one.
 */
export function addLedgerSheet<Row>(
  workbook: ExcelJS.Workbook,
  sheet: { name: string; title: string; subtitle: string; columns: LedgerColumn<Row>[]; rows: Row[] },
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 3 }] });
  const n = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ width: c.width, hidden: c.kind === 'id' }));
  setPrintLayout(ws, sheet.title, 3);
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 16, name: '宋体' };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, n);
  const subtitle = ws.getCell(2, 1);
  subtitle.value = sheet.subtitle;
  subtitle.alignment = { horizontal: 'right' };
  const header = ws.getRow(3);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = thin;
  });
  sheet.rows.forEach((row, r) => {
    const xr = ws.getRow(4 + r);
    for (const [i, c] of sheet.columns.entries()) writeCell(xr.getCell(i + 1), c, row);
  });
  return ws;
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Opens an uploaded .xlsx after the zip checks; a refused or unreadable file is a 400 with the reason. */
export async function readUploadedWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const verdict = await inspectZip(buf);
  if (!verdict.ok) throw new AppError(400, 'BAD_FILE', verdict.reason);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'BAD_FILE', '无法读取该 Excel 文件，请确认是 .xlsx 格式');
  }
  return workbook;
}

/** A cell's value as plain text (rich text, hyperlinks and formulas' results included). */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
  }
  return String(v).trim();
}
