import type { ImportJob, LedgerImportPreview } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { findHeaderRow, readUploadedSheets } from '../../../platform/excel/sheet-reader.ts';
import type { UploadStore } from '../../../platform/excel/upload-store.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { DirectoryService } from '../../directory/index.ts';
import type { SupervisionService } from '../../supervision/index.ts';
import { DETAIL_SHEET, LEDGER_HEADERS, SUMMARY_SHEET } from '../recruitment.report.ts';
import { confirmLedgerImport, type ParsedLedger } from './confirm-ledger-import.ts';
import { parseEntrySheet } from './ledger-import-entries.ts';
import { parseRecordSheet, readLedgerLookups } from './ledger-import-records.ts';

/**
 * Ledger import in two steps like the enterprise import. Records are matched by 记录ID, else by
 * institute; institutes not yet in the directory are created; entries already present (same
 * 条目ID, or same record, date, kind and content) are skipped, so re-importing an export adds nothing.
 * Imported entries keep their author's name and date.
 */
export function createLedgerImport({
  db,
  clock,
  uploads,
  directory,
  supervision,
}: {
  db: Database;
  clock: Clock;
  uploads: UploadStore;
  directory: DirectoryService;
  supervision: SupervisionService;
}) {
  async function preview(ctx: UserContext, file: Buffer): Promise<LedgerImportPreview> {
    const workbook = await readUploadedSheets(file);
    const summary = workbook.sheets.find((s) => s.name === SUMMARY_SHEET) ?? workbook.sheets[0];
    if (!summary) throw new AppError(400, 'BAD_FILE', '文件中没有工作表');
    const H = LEDGER_HEADERS;
    const header = findHeaderRow(summary, [H.institute, H.stage], new Set(Object.values(H)));
    if (!header) throw new AppError(400, 'BAD_FILE', `未找到表头行（应包含“${H.institute}”和“${H.stage}”）`);
    const look = await db.transaction(ctx.scope, (tx) => readLedgerLookups(tx, ctx));
    const { records, recordKeys, ...summaryRead } = await parseRecordSheet(summary, header, look, ctx);
    const detail = workbook.sheets.find((s) => s.name === DETAIL_SHEET);
    const detailRead = detail
      ? await parseEntrySheet(db, ctx, detail, recordKeys)
      : { entries: [], problems: [], skipped: 0, total: 0 };
    const { entries, skipped } = detailRead;
    const token = uploads.put<ParsedLedger>(ctx.user.id, 'recruitment-ledger-import', { records, entries });
    return {
      token,
      totalRows: summaryRead.total + detailRead.total,
      validRows: records.length + entries.length + skipped,
      recordsToCreate: records.filter((r) => !r.existingId).length,
      recordsToUpdate: records.filter((r) => r.existingId).length,
      entriesToCreate: entries.length,
      entriesSkipped: skipped,
      ...capProblems(uploads, ctx.user.id, [...summaryRead.problems, ...detailRead.problems]),
    };
  }

  /** Starts the write as a background job (confirm-ledger-import.ts): one transaction, all or none. */
  function confirm(ctx: UserContext, token: string): Promise<ImportJob> {
    const parsed = uploads.take<ParsedLedger>(ctx.user.id, 'recruitment-ledger-import', token);
    if (!parsed) throw new AppError(400, 'IMPORT_EXPIRED', '导入预览已失效，请重新上传文件');
    return confirmLedgerImport({ db, clock, directory, supervision }, ctx, parsed);
  }

  return { preview, confirm };
}
