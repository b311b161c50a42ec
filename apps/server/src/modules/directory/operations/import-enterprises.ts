import type { ImportJob, ImportPreview, ImportRowProblem } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { dataRows, findHeaderRow, readUploadedSheets } from '../../../platform/excel/sheet-reader.ts';
import type { UploadStore } from '../../../platform/excel/upload-store.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { startImportJob } from '../../../platform/jobs/import-jobs.ts';
import { ENTERPRISE_HEADERS as H } from '../directory.report.ts';
import type { DirectoryService } from '../directory.service.ts';
import { enterprises } from '../directory.table.ts';
import { checkEnterpriseRow, type ParsedEnterprise, readEnterpriseLookups } from './enterprise-sheet.ts';

type Deps = { db: Database; clock: Clock; directory: DirectoryService; uploads: UploadStore };

/** Writes the previewed rows as a background job: one transaction, all rows or none. */
function writeEnterprises({ db, clock, directory }: Deps, ctx: UserContext, rows: ParsedEnterprise[]) {
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

/**
 * Enterprise import in two steps: `preview` checks every row (enterprise-sheet.ts) and keeps the
 * valid ones under a token; `confirm` writes them in one transaction, as a background job. A row
 * with the exported 记录ID, or a credit code already in the region, updates that enterprise
 * instead of duplicating it.
 */
export function createEnterpriseImport(deps: Deps) {
  const { db, uploads } = deps;
  async function preview(ctx: UserContext, file: Buffer): Promise<ImportPreview> {
    const sheet = (await readUploadedSheets(file)).sheets[0];
    if (!sheet) throw new AppError(400, 'BAD_FILE', '文件中没有工作表');
    const header = findHeaderRow(sheet, [H.name, H.creditCode], new Set(Object.values(H)));
    if (!header) throw new AppError(400, 'BAD_FILE', `未找到表头行（应包含“${H.name}”和“${H.creditCode}”）`);
    const look = await db.transaction(ctx.scope, (tx) => readEnterpriseLookups(tx, ctx));
    const problems: ImportRowProblem[] = [];
    const valid: ParsedEnterprise[] = [];
    let total = 0;
    for await (const line of dataRows(sheet, header)) {
      total++;
      const checked = checkEnterpriseRow(line, look);
      if (checked.valid) valid.push(checked.valid);
      else problems.push(...checked.problems);
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
    const rows = uploads.take<ParsedEnterprise[]>(ctx.user.id, 'enterprise-import', token);
    if (!rows) throw new AppError(400, 'IMPORT_EXPIRED', '导入预览已失效，请重新上传文件');
    return writeEnterprises(deps, ctx, rows);
  }

  return { preview, confirm };
}
