import type { ImportJob, ImportPreview, ImportRowProblem } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { dataRows, findHeaderRow, readUploadedSheets } from '../../../platform/excel/sheet-reader.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type ImportStep, startImportJob } from '../../../platform/jobs/import-jobs.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import {
  checkAchievementRow,
  ACHIEVEMENT_HEADERS as H,
  type ParsedAchievement,
  readAchievementLookups,
} from './achievement-sheet.ts';
import { importAchievementsJsonl } from './import-achievements-jsonl.ts';
import { insertAchievement } from './insert-achievement.ts';

/**
 * Achievement imports. The .xlsx import works like the enterprise import: preview with per-row
 * problems (achievement-sheet.ts), nothing written until confirmed. The JSONL import
 * (import-achievements-jsonl.ts) loads a matching corpus into a running instance.
 */
export function createAchievementImport(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index' | 'directory' | 'uploads'>,
) {
  const { db, uploads } = deps;
  async function preview(ctx: UserContext, file: Buffer): Promise<ImportPreview> {
    const sheet = (await readUploadedSheets(file)).sheets[0];
    if (!sheet) throw new AppError(400, 'BAD_FILE', '文件中没有工作表');
    const header = findHeaderRow(sheet, [H.title, H.abstract], new Set(Object.values(H)));
    if (!header)
      throw new AppError(
        400,
        'BAD_FILE',
        `未找到表头行（应包含“${H.title}”“${H.institute}”和“${H.abstract}”）`,
      );
    const look = await db.transaction(ctx.scope, (tx) => readAchievementLookups(tx));
    const problems: ImportRowProblem[] = [];
    const valid: ParsedAchievement[] = [];
    let total = 0;
    for await (const line of dataRows(sheet, header)) {
      total++;
      const checked = checkAchievementRow(line, look, ctx);
      if (checked.input) valid.push({ row: line.row, input: checked.input });
      else problems.push(...checked.problems);
    }
    const token = uploads.put(ctx.user.id, 'achievement-import', valid);
    return {
      token,
      totalRows: total,
      validRows: valid.length,
      toCreate: valid.length,
      toUpdate: 0,
      ...capProblems(uploads, ctx.user.id, problems),
    };
  }

  /** Starts the write as a background job: one transaction, all rows or none; then the index catches up. */
  async function confirm(ctx: UserContext, token: string): Promise<ImportJob> {
    const rows = uploads.take<ParsedAchievement[]>(ctx.user.id, 'achievement-import', token);
    if (!rows) throw new AppError(400, 'IMPORT_EXPIRED', '导入预览已失效，请重新上传文件');
    const write = async (tx: Tx, step: ImportStep) => {
      for (const row of rows) {
        await step();
        await insertAchievement(deps, tx, ctx, row.input);
      }
      return { created: rows.length, updated: 0 };
    };
    return startImportJob(deps, ctx, 'achievement-import', rows.length, write, () => deps.index.changed());
  }

  const importJsonl = (ctx: UserContext, file: Buffer) => importAchievementsJsonl(deps, ctx, file);

  return { preview, confirm, importJsonl };
}
