import { type ImportPreview, type ImportResult, type ImportRowProblem, ReportInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { cellAt, findHeaderRow, readUploadedSheets } from '../../../platform/excel/sheet-reader.ts';
import type { UploadStore } from '../../../platform/excel/upload-store.ts';
import { addLedgerSheet, chineseDate, type LedgerColumn } from '../../../platform/excel/workbook.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { createBreather } from '../../../platform/jobs/yielding.ts';
import { upsertReport } from './save-report.ts';

/** The quarterly report template's columns (季度数据填报模板); the import reads the same headers. */
export const REPORT_HEADERS = {
  id: '记录ID',
  name: '主体名称',
  creditCode: '统一社会信用代码',
  year: '年度',
  quarter: '季度',
  revenue: '营业收入（万元）',
  staff: '从业人员（人）',
  rdSpend: '研发投入（万元）',
  ipCount: '知识产权（件）',
  financing: '融资额（万元）',
} as const;
const H = REPORT_HEADERS;
const FIELDS = ['year', 'quarter', 'revenue', 'staff', 'rdSpend', 'ipCount', 'financing'] as const;
const MAX_REPORT_ROWS = 20_000;
const KIND = 'incubatee-report-import';

type Who = { id: string; name: string; creditCode: string | null; regionCode: string };
type Valid = { row: number; incubateeId: string; regionCode: string; input: z.output<typeof ReportInput> };

/** The template: one row per incubatee in incubation, the current quarter filled in, figures blank. */
export async function exportReportTemplate({ clock }: { clock: Clock }, tx: Tx) {
  const today = chinaDay(clock.now());
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const rows = rowsOf<Who>(
    await tx.execute(sql`SELECT id, name, credit_code AS "creditCode" FROM incubatees
      WHERE gaodi_visible(region_code)
        AND stage IN ('maker_space', 'incubator', 'accelerator', 'park') ORDER BY name`),
  );
  const columns: LedgerColumn<Who>[] = [
    { header: H.name, width: 28, value: (r) => r.name },
    { header: H.creditCode, width: 21, value: (r) => r.creditCode ?? '' },
    { header: H.year, width: 8, value: () => year },
    { header: H.quarter, width: 6, value: () => quarter },
    ...FIELDS.slice(2).map((f) => ({ header: H[f], width: 14, value: () => null })),
    { header: H.id, width: 38, value: (r) => r.id },
  ];
  const workbook = new ExcelJS.Workbook();
  addLedgerSheet(workbook, {
    name: '季度数据',
    title: `在孵主体季度数据（${year}年第${quarter}季度）`,
    subtitle: `生成日期：${chineseDate(clock.now())}　共 ${rows.length} 家；同一季度再次导入将覆盖`,
    columns,
    rows,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function checkReportRow(get: (h: string) => string, who: Map<string, Who>, row: number) {
  const problems: ImportRowProblem[] = [];
  const key = get(H.id) || get(H.creditCode).toUpperCase();
  const found = key ? who.get(key) : undefined;
  if (!found)
    problems.push({
      row,
      column: get(H.id) ? H.id : H.creditCode,
      message: key ? '找不到该在孵主体（记录ID 或统一社会信用代码）' : '请填写记录ID 或统一社会信用代码',
    });
  const parsed = ReportInput.safeParse(Object.fromEntries(FIELDS.map((f) => [f, get(H[f]) || undefined])));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as (typeof FIELDS)[number];
      const message = issue.code === 'invalid_type' ? '请填写数字' : issue.message;
      problems.push({ row, column: H[field] ?? field, message });
    }
  return { problems, found, input: parsed.success ? parsed.data : null };
}

async function confirmReportImport(
  { db, uploads }: { db: Database; uploads: UploadStore },
  ctx: UserContext,
  token: string,
  now: Date,
): Promise<ImportResult> {
  const valid = uploads.take<Valid[]>(ctx.user.id, KIND, token);
  if (!valid) throw new AppError(400, 'EXPIRED', '导入预览已失效，请重新上传文件');
  let created = 0;
  let updated = 0;
  // One transaction: the import is all or nothing.
  const breathe = createBreather();
  await db.transaction(ctx.scope, async (tx) => {
    for (const v of valid) {
      await breathe();
      if (await upsertReport(tx, v.incubateeId, v.regionCode, v.input, now)) created++;
      else updated++;
    }
  });
  return { created, updated };
}

/** Quarterly reports from the template: every row checked (row, column, why), then written. */
export function createReportImport({ db, uploads }: { db: Database; clock: Clock; uploads: UploadStore }) {
  async function preview(ctx: UserContext, file: Buffer): Promise<ImportPreview> {
    const sheet = (await readUploadedSheets(file)).sheets[0];
    if (!sheet) throw new AppError(400, 'BAD_FILE', '文件中没有工作表');
    if ((sheet.rows.at(-1)?.row ?? 0) > MAX_REPORT_ROWS + 10)
      throw new AppError(400, 'BAD_FILE', `一次最多导入 ${MAX_REPORT_ROWS} 行`);
    const header = findHeaderRow(sheet, [H.year, H.quarter, H.revenue], new Set(Object.values(H)));
    if (!header) throw new AppError(400, 'BAD_FILE', '未找到季度数据模板的表头行（年度、季度、营业收入）');
    const { who, existing } = await db.transaction(ctx.scope, async (tx) => {
      const list = rowsOf<Who>(
        await tx.execute(sql`SELECT id::text, name, credit_code AS "creditCode", region_code AS "regionCode"
          FROM incubatees WHERE gaodi_visible(region_code)`),
      );
      const keys = rowsOf<{ k: string }>(
        await tx.execute(
          sql`SELECT incubatee_id || ':' || year || ':' || quarter AS k FROM incubatee_reports`,
        ),
      );
      return { who: list, existing: new Set(keys.map((r) => r.k)) };
    });
    const byKey = new Map<string, Who>();
    for (const w of who) {
      byKey.set(w.id, w);
      if (w.creditCode) byKey.set(w.creditCode, w);
    }
    const problems: ImportRowProblem[] = [];
    const valid: Valid[] = [];
    const seen = new Map<string, number>();
    let total = 0;
    const breathe = createBreather();
    for (const line of sheet.rows) {
      await breathe();
      if (line.row <= header.row) continue;
      const get = (h: string) => cellAt(line, header.columns.get(h));
      // A template row left without figures is not a report.
      if (FIELDS.slice(2).every((f) => get(H[f]) === '')) continue;
      total++;
      const { problems: rowProblems, found, input } = checkReportRow(get, byKey, line.row);
      const key = found && input ? `${found.id}:${input.year}:${input.quarter}` : null;
      const earlier = key ? seen.get(key) : undefined;
      if (key && earlier)
        rowProblems.push({
          row: line.row,
          column: H.quarter,
          message: `与第 ${earlier} 行是同一主体的同一季度`,
        });
      if (key) seen.set(key, line.row);
      if (rowProblems.length > 0 || !found || !input) problems.push(...rowProblems);
      else valid.push({ row: line.row, incubateeId: found.id, regionCode: found.regionCode, input });
    }
    const token = uploads.put(ctx.user.id, KIND, valid);
    const toUpdate = valid.filter((v) =>
      existing.has(`${v.incubateeId}:${v.input.year}:${v.input.quarter}`),
    ).length;
    return {
      token,
      totalRows: total,
      validRows: valid.length,
      toCreate: valid.length - toUpdate,
      toUpdate,
      ...capProblems(uploads, ctx.user.id, problems),
    };
  }

  return {
    preview,
    confirm: (ctx: UserContext, token: string, now: Date) =>
      confirmReportImport({ db, uploads }, ctx, token, now),
  };
}
