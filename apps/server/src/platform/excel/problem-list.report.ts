import { PassThrough } from 'node:stream';
import { translateMessage } from '@gaodi/contracts';
import ExcelJS from 'exceljs';
import type { Lang } from '../i18n/lang.ts';
import { createBreather } from '../jobs/yielding.ts';
import type { ListedProblem } from './problem-list.ts';

/** The list as an .xlsx, written as a stream with pauses so a long list holds no one up. */
export async function writeProblemList(problems: ListedProblem[], lang: Lang): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useSharedStrings: false,
    useStyles: true,
  });
  const en = lang === 'en';
  const sheet = workbook.addWorksheet(en ? 'Problems' : '导入问题', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [{ width: 10 }, { width: 24 }, { width: 80 }];
  const header = sheet.addRow(en ? ['Row', 'Column', 'Problem'] : ['行号', '列', '问题']);
  header.font = { bold: true };
  header.commit();
  const breathe = createBreather();
  for (const p of problems) {
    await breathe();
    sheet.addRow([p.row ?? p.line ?? '', p.column ?? '', translateMessage(p.message, lang)]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
