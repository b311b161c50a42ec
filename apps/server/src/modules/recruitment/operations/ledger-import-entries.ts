import { ENTRY_KIND_LABELS } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import {
  type DataRow,
  dataRows,
  findHeaderRow,
  type UploadedSheet,
} from '../../../platform/excel/sheet-reader.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { DETAIL_SHEET, ENTRY_HEADERS as E } from '../recruitment.report.ts';
import { recruitmentEntries } from '../recruitment.table.ts';
import type { ParsedEntry } from './confirm-ledger-import.ts';
import { invert, type LedgerProblem, normaliseDate, STAGE_BY_LABEL, UUID } from './ledger-import-records.ts';

const KIND_BY_LABEL = invert(ENTRY_KIND_LABELS);
const fingerprint = (e: { recordKey: string; entryOn: string; kind: string; content: string }) =>
  `${e.recordKey}|${e.entryOn}|${e.kind}|${e.content}`;

/** What a detail row is checked against: the entries already in the region. */
async function readKnownEntries(db: Database, ctx: UserContext) {
  const existing = await db.transaction(ctx.scope, (tx) =>
    tx
      .select({
        id: recruitmentEntries.id,
        recordKey: recruitmentEntries.recordId,
        entryOn: recruitmentEntries.entryOn,
        kind: recruitmentEntries.kind,
        content: recruitmentEntries.content,
      })
      .from(recruitmentEntries)
      .where(eq(recruitmentEntries.regionCode, ctx.user.activeRegionCode)),
  );
  return { ids: new Set(existing.map((e) => e.id)), fingerprints: new Set(existing.map(fingerprint)) };
}

/** One detail row → an entry, or the row's problems (column, message). */
function checkEntryRow(
  { row, get }: DataRow,
  recordKeys: Map<string, string>,
  ctx: UserContext,
): { entry: ParsedEntry } | { problems: [string, string][] } {
  const problems: [string, string][] = [];
  const recordKey = recordKeys.get(get(E.recordId)) ?? recordKeys.get(get(E.institute));
  if (!recordKey) problems.push([E.institute, '找不到该条目所属的招引记录（记录ID 或院所名称）']);
  const entryOn = normaliseDate(get(E.entryOn));
  if (!entryOn) problems.push([E.entryOn, '日期格式应为 YYYY-MM-DD']);
  const kind = KIND_BY_LABEL.get(get(E.kind) || '其他');
  if (!kind) problems.push([E.kind, `方式应为：${Object.values(ENTRY_KIND_LABELS).join('、')}`]);
  const content = get(E.content);
  if (!content) problems.push([E.content, '工作内容不能为空']);
  const nextText = get(E.nextDate);
  const nextDate = normaliseDate(nextText);
  if (nextText && !nextDate) problems.push([E.nextDate, '日期格式应为 YYYY-MM-DD']);
  if (problems.length > 0 || !recordKey || !entryOn || !kind) return { problems };
  const [fromLabel, toLabel] = get(E.stageChange).split('→');
  const corrects = get(E.correctsId);
  const entry = {
    row,
    recordKey,
    fileId: UUID.test(get(E.id)) ? get(E.id) : null,
    entryOn,
    kind,
    participants: get(E.participants),
    content,
    result: get(E.result),
    nextStep: get(E.nextStep),
    nextDate,
    stageFrom: (fromLabel && STAGE_BY_LABEL.get(fromLabel)) || null,
    stageTo: (toLabel && STAGE_BY_LABEL.get(toLabel)) || null,
    correctsId: UUID.test(corrects) ? corrects : null,
    author: get(E.author) || ctx.user.displayName,
  };
  return { entry };
}

/**
 * The 工作记录 sheet: each entry belongs to a record of the summary sheet or of the region; an
 * entry already present (same 条目ID, or same record, date, kind and content) is skipped.
 */
export async function parseEntrySheet(
  db: Database,
  ctx: UserContext,
  detail: UploadedSheet,
  recordKeys: Map<string, string>,
) {
  const eh = findHeaderRow(detail, [E.entryOn, E.content], new Set(Object.values(E)));
  if (!eh) throw new AppError(400, 'BAD_FILE', `“${DETAIL_SHEET}”中未找到表头行`);
  const known = await readKnownEntries(db, ctx);
  const problems: LedgerProblem[] = [];
  const entries: ParsedEntry[] = [];
  let skipped = 0;
  let total = 0;
  for await (const line of dataRows(detail, eh)) {
    total++;
    const checked = checkEntryRow(line, recordKeys, ctx);
    if ('problems' in checked) {
      for (const [column, message] of checked.problems)
        problems.push({ row: line.row, column: `${detail.name}!${column}`, message });
      continue;
    }
    const { entry } = checked;
    if ((entry.fileId && known.ids.has(entry.fileId)) || known.fingerprints.has(fingerprint(entry))) {
      skipped++;
      continue;
    }
    known.fingerprints.add(fingerprint(entry));
    entries.push(entry);
  }
  return { entries, problems, skipped, total };
}
