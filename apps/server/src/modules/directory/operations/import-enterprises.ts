import {
  EnterpriseInput,
  type ImportJob,
  type ImportPreview,
  type ImportRowProblem,
  SCALE_LABELS,
} from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { cellAt, findHeaderRow, readUploadedSheets } from '../../../platform/excel/sheet-reader.ts';
import type { UploadStore } from '../../../platform/excel/upload-store.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { startImportJob } from '../../../platform/jobs/import-jobs.ts';
import { createBreather } from '../../../platform/jobs/yielding.ts';
import { ENTERPRISE_HEADERS } from '../directory.report.ts';
import type { DirectoryService } from '../directory.service.ts';
import { enterprises, industries } from '../directory.table.ts';

type Parsed = { row: number; id: string | null; input: z.output<typeof EnterpriseInput> };

const FIELD_COLUMN: Record<string, string> = {
  creditCode: ENTERPRISE_HEADERS.creditCode,
  name: ENTERPRISE_HEADERS.name,
  industryId: ENTERPRISE_HEADERS.industry,
  scale: ENTERPRISE_HEADERS.scale,
  address: ENTERPRISE_HEADERS.address,
  contactName: ENTERPRISE_HEADERS.contactName,
  contactPhone: ENTERPRISE_HEADERS.contactPhone,
};

const SCALE_BY_LABEL = new Map<string, string>(
  Object.entries(SCALE_LABELS).flatMap(([k, v]) => [
    [v, k],
    [k, k],
  ]),
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Enterprise import in two steps: `preview` checks every row and keeps the valid ones under a
 * token; `confirm` writes them in one transaction, as a background job. A row with the exported 记录ID, or a credit
 * code already in the region, updates that enterprise instead of duplicating it.
 */
export function createEnterpriseImport({
  db,
  clock,
  directory,
  uploads,
}: {
  db: Database;
  clock: Clock;
  directory: DirectoryService;
  uploads: UploadStore;
}) {
  async function preview(ctx: UserContext, file: Buffer): Promise<ImportPreview> {
    const sheet = (await readUploadedSheets(file)).sheets[0];
    if (!sheet) throw new AppError(400, 'BAD_FILE', '文件中没有工作表');
    const header = findHeaderRow(
      sheet,
      [ENTERPRISE_HEADERS.name, ENTERPRISE_HEADERS.creditCode],
      new Set(Object.values(ENTERPRISE_HEADERS)),
    );
    if (!header)
      throw new AppError(
        400,
        'BAD_FILE',
        `未找到表头行（应包含“${ENTERPRISE_HEADERS.name}”和“${ENTERPRISE_HEADERS.creditCode}”）`,
      );

    const industryByName = new Map<string, string>();
    const existing = await db.transaction(ctx.scope, async (tx) => {
      for (const i of await tx.select({ id: industries.id, name: industries.name }).from(industries)) {
        industryByName.set(i.name, i.id);
      }
      return tx
        .select({ id: enterprises.id, creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(eq(enterprises.regionCode, ctx.user.activeRegionCode));
    });
    const idByCredit = new Map(existing.map((e) => [e.creditCode, e.id]));
    const knownIds = new Set(existing.map((e) => e.id));

    const problems: ImportRowProblem[] = [];
    const valid: Parsed[] = [];
    const seenCredit = new Map<string, number>();
    let total = 0;
    const breathe = createBreather();
    for (const line of sheet.rows) {
      await breathe();
      const r = line.row;
      if (r <= header.row) continue;
      const get = (name: string) => cellAt(line, header.columns.get(name));
      const values = [...header.columns.keys()].map(get);
      if (values.every((v) => v === '')) continue;
      total++;
      const rowProblems: ImportRowProblem[] = [];
      const industryName = get(ENTERPRISE_HEADERS.industry);
      const industryId = industryName ? (industryByName.get(industryName) ?? null) : null;
      if (industryName && !industryId) {
        rowProblems.push({
          row: r,
          column: ENTERPRISE_HEADERS.industry,
          message: `产业“${industryName}”不存在`,
        });
      }
      const scaleText = get(ENTERPRISE_HEADERS.scale);
      const parsed = EnterpriseInput.safeParse({
        creditCode: get(ENTERPRISE_HEADERS.creditCode),
        name: get(ENTERPRISE_HEADERS.name),
        industryId,
        scale: SCALE_BY_LABEL.get(scaleText) ?? scaleText,
        address: get(ENTERPRISE_HEADERS.address),
        contactName: get(ENTERPRISE_HEADERS.contactName),
        contactPhone: get(ENTERPRISE_HEADERS.contactPhone),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          const message =
            field === 'scale' ? `企业规模应为：${Object.values(SCALE_LABELS).join('、')}` : issue.message;
          rowProblems.push({ row: r, column: FIELD_COLUMN[field] ?? field, message });
        }
      }
      const idText = get(ENTERPRISE_HEADERS.id);
      let id: string | null = null;
      if (idText) {
        if (!UUID.test(idText) || !knownIds.has(idText)) {
          rowProblems.push({
            row: r,
            column: ENTERPRISE_HEADERS.id,
            message: '记录ID 不属于本区域的企业，请清空后作为新企业导入',
          });
        } else id = idText;
      }
      if (parsed.success) {
        const credit = parsed.data.creditCode;
        const earlier = seenCredit.get(credit);
        if (earlier) {
          rowProblems.push({
            row: r,
            column: ENTERPRISE_HEADERS.creditCode,
            message: `与第 ${earlier} 行的统一社会信用代码重复`,
          });
        }
        seenCredit.set(credit, r);
        const owner = idByCredit.get(credit);
        if (id && owner && owner !== id) {
          rowProblems.push({
            row: r,
            column: ENTERPRISE_HEADERS.creditCode,
            message: '该统一社会信用代码已属于另一家企业',
          });
        }
        id ??= owner ?? null;
      }
      if (rowProblems.length > 0 || !parsed.success) problems.push(...rowProblems);
      else valid.push({ row: r, id, input: parsed.data });
    }
    const token = uploads.put(ctx.user.id, 'enterprise-import', valid);
    return {
      token,
      totalRows: total,
      validRows: valid.length,
      toCreate: valid.filter((v) => !v.id).length,
      toUpdate: valid.filter((v) => v.id).length,
      ...capProblems(uploads, ctx.user.id, problems),
    };
  }

  /** Starts the write as a background job: one transaction, all rows or none. */
  async function confirm(ctx: UserContext, token: string): Promise<ImportJob> {
    const rows = uploads.take<Parsed[]>(ctx.user.id, 'enterprise-import', token);
    if (!rows) throw new AppError(400, 'IMPORT_EXPIRED', '导入预览已失效，请重新上传文件');
    return startImportJob({ db, clock }, ctx, 'enterprise-import', rows.length, async (tx, step) => {
      const stillThere = new Set(
        (
          await tx
            .select({ id: enterprises.id })
            .from(enterprises)
            .where(eq(enterprises.regionCode, ctx.user.activeRegionCode))
        ).map((r) => r.id),
      );
      let created = 0;
      let updated = 0;
      for (const row of rows) {
        await step();
        if (row.id && stillThere.has(row.id)) {
          await directory.updateEnterpriseIn(tx, ctx, row.id, row.input);
          updated++;
        } else {
          await directory.insertEnterprise(tx, ctx, row.input);
          created++;
        }
      }
      return { created, updated };
    });
  }

  return { preview, confirm };
}
