import {
  ENTRY_KIND_LABELS,
  GRADE_LABELS,
  type Grade,
  type ImportJob,
  type LedgerImportPreview,
  STAGE_LABELS,
  type Stage,
} from '@gaodi/contracts';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.table.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { capProblems } from '../../../platform/excel/problem-list.ts';
import { cellAt, findHeaderRow, readUploadedSheets } from '../../../platform/excel/sheet-reader.ts';
import type { UploadStore } from '../../../platform/excel/upload-store.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { createBreather } from '../../../platform/jobs/yielding.ts';
import { type DirectoryService, industries, institutes } from '../../directory/index.ts';
import { readStageNames } from '../../settings/index.ts';
import type { SupervisionService } from '../../supervision/index.ts';
import { DETAIL_SHEET, ENTRY_HEADERS, LEDGER_HEADERS, SUMMARY_SHEET } from '../recruitment.report.ts';
import { recruitmentEntries, recruitmentRecords } from '../recruitment.table.ts';
import {
  confirmLedgerImport,
  type ParsedEntry,
  type ParsedLedger,
  type ParsedRecord,
} from './confirm-ledger-import.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const invert = <K extends string>(labels: Record<K, string>) =>
  new Map<string, K>(
    Object.entries(labels).flatMap(([k, v]) => [
      [v as string, k as K],
      [k, k as K],
    ]),
  );
const GRADE_BY_LABEL = new Map<string, Grade>([...invert(GRADE_LABELS), ['A', 'A'], ['B', 'B'], ['C', 'C']]);
const STAGE_BY_LABEL = invert(STAGE_LABELS);
const KIND_BY_LABEL = invert(ENTRY_KIND_LABELS);

/** Excel may hand a date back as a Date cell or as text like 2026/3/5 or 2026年3月5日. */
function normaliseDate(text: string): string | null {
  if (!text) return null;
  const m = DATE.test(text) ? null : /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const day = DATE.test(text)
    ? text
    : m
      ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`
      : null;
  // Only days that exist: 2026-02-30 is a problem of its row, not a failed import.
  const t = day ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  return day && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day ? day : null;
}

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

    const known = await db.transaction(ctx.scope, async (tx) => ({
      records: await tx
        .select({
          id: recruitmentRecords.id,
          instituteId: recruitmentRecords.instituteId,
          stage: recruitmentRecords.stage,
          instituteName: institutes.name,
        })
        .from(recruitmentRecords)
        .innerJoin(institutes, eq(institutes.id, recruitmentRecords.instituteId))
        .where(eq(recruitmentRecords.regionCode, ctx.user.activeRegionCode)),
      institutes: await tx
        .select({ id: institutes.id, name: institutes.name })
        .from(institutes)
        .where(eq(institutes.regionCode, ctx.user.activeRegionCode)),
      industries: await tx.select({ id: industries.id, name: industries.name }).from(industries),
      people: await tx
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.role, ['staff', 'taskforce_lead', 'helper', 'leader'])),
      stageNames: (await readStageNames(tx, ctx.user.activeRegionCode, 'recruitment')) as Record<
        Stage,
        string
      >,
    }));
    // The office's stage names (what its exports print) and the built-in names both read back.
    const stageByLabel = new Map([...STAGE_BY_LABEL, ...invert(known.stageNames)]);
    const recordById = new Map(known.records.map((r) => [r.id, r]));
    const recordByInstitute = new Map(known.records.map((r) => [r.instituteName, r]));
    const instituteByName = new Map(known.institutes.map((i) => [i.name, i.id]));
    const industryByName = new Map(known.industries.map((i) => [i.name, i.id]));
    const personByName = new Map(known.people.map((p) => [p.name, p.id]));

    const problems: LedgerImportPreview['problems'] = [];
    const records: ParsedRecord[] = [];
    const recordKeys = new Map<string, string>(); // file id or institute name → key
    const seenInstitutes = new Map<string, number>();
    let total = 0;
    const breathe = createBreather();
    for (const line of summary.rows) {
      await breathe();
      const r = line.row;
      if (r <= header.row) continue;
      const get = (name: string) => cellAt(line, header.columns.get(name));
      if ([...header.columns.keys()].every((k) => get(k) === '')) continue;
      total++;
      const rowProblems: string[][] = [];
      const problem = (column: string, message: string) => rowProblems.push([column, message]);
      const instituteName = get(H.institute);
      if (!instituteName) problem(H.institute, '院所名称不能为空');
      const earlier = seenInstitutes.get(instituteName);
      if (earlier) problem(H.institute, `与第 ${earlier} 行的院所重复`);
      seenInstitutes.set(instituteName, r);
      const grade = GRADE_BY_LABEL.get(get(H.grade) || 'B');
      if (!grade) problem(H.grade, `等级应为：${Object.values(GRADE_LABELS).join('、')}`);
      const stage = stageByLabel.get(get(H.stage));
      if (!stage) problem(H.stage, `招引阶段应为：${Object.values(known.stageNames).join('、')}`);
      const industryName = get(H.industry);
      const industryId = industryName ? (industryByName.get(industryName) ?? null) : null;
      if (industryName && !industryId) problem(H.industry, `产业“${industryName}”不存在`);
      const ownerName = get(H.owner);
      const ownerId = ownerName ? personByName.get(ownerName) : ctx.user.id;
      if (!ownerId) problem(H.owner, `责任人“${ownerName}”不是本区域的工作人员`);
      const leadName = get(H.lead);
      const leadId = leadName ? personByName.get(leadName) : (ownerId ?? ctx.user.id);
      if (!leadId) problem(H.lead, `专班负责人“${leadName}”不是本区域的工作人员`);
      const signedText = get(H.signedOn);
      const signedOn = normaliseDate(signedText);
      if (signedText && !signedOn) problem(H.signedOn, '日期格式应为 YYYY-MM-DD');
      const idText = get(H.id);
      // A 记录ID this system does not know comes from another system (a move, a backup): the
      // record is then matched by institute, or created.
      let existing = idText ? recordById.get(idText) : undefined;
      if (idText && !UUID.test(idText)) problem(H.id, '记录ID 格式不正确，请清空后作为新记录导入');
      existing ??= recordByInstitute.get(instituteName);
      if (existing && stage && existing.stage !== stage) {
        problem(
          H.stage,
          `系统中为“${known.stageNames[existing.stage as Stage]}”，阶段变更请在系统中办理（须符合流转规则）`,
        );
      }
      if (rowProblems.length > 0 || !grade || !stage || !ownerId || !leadId) {
        for (const [column, message] of rowProblems)
          problems.push({ row: r, column: `${summary.name}!${column}`, message: message ?? '' });
        continue;
      }
      const key = existing?.id ?? `new:${instituteName}`;
      if (idText) recordKeys.set(idText, key);
      recordKeys.set(instituteName, key);
      records.push({
        row: r,
        key,
        existingId: existing?.id ?? null,
        instituteName,
        instituteId: existing?.instituteId ?? instituteByName.get(instituteName) ?? null,
        grade,
        stage,
        cooperationMode: get(H.mode),
        industryId,
        ownerId,
        leadId,
        isGreenChannel: get(H.greenChannel) === '是',
        signedOn,
      });
    }
    for (const r of known.records) {
      if (!recordKeys.has(r.id)) recordKeys.set(r.id, r.id);
      if (!recordKeys.has(r.instituteName)) recordKeys.set(r.instituteName, r.id);
    }

    const entries: ParsedEntry[] = [];
    let skipped = 0;
    const detail = workbook.sheets.find((s) => s.name === DETAIL_SHEET);
    if (detail) {
      const E = ENTRY_HEADERS;
      const eh = findHeaderRow(detail, [E.entryOn, E.content], new Set(Object.values(E)));
      if (!eh) throw new AppError(400, 'BAD_FILE', `“${DETAIL_SHEET}”中未找到表头行`);
      const existingEntries = await db.transaction(ctx.scope, (tx) =>
        tx
          .select({
            id: recruitmentEntries.id,
            recordId: recruitmentEntries.recordId,
            entryOn: recruitmentEntries.entryOn,
            kind: recruitmentEntries.kind,
            content: recruitmentEntries.content,
          })
          .from(recruitmentEntries)
          .where(eq(recruitmentEntries.regionCode, ctx.user.activeRegionCode)),
      );
      const existingIds = new Set(existingEntries.map((e) => e.id));
      const fingerprints = new Set(
        existingEntries.map((e) => `${e.recordId}|${e.entryOn}|${e.kind}|${e.content}`),
      );
      for (const line of detail.rows) {
        await breathe();
        const r = line.row;
        if (r <= eh.row) continue;
        const get = (name: string) => cellAt(line, eh.columns.get(name));
        if ([...eh.columns.keys()].every((k) => get(k) === '')) continue;
        total++;
        const rowProblems: [string, string][] = [];
        const recordKey = recordKeys.get(get(E.recordId)) ?? recordKeys.get(get(E.institute));
        if (!recordKey) rowProblems.push([E.institute, '找不到该条目所属的招引记录（记录ID 或院所名称）']);
        const entryOn = normaliseDate(get(E.entryOn));
        if (!entryOn) rowProblems.push([E.entryOn, '日期格式应为 YYYY-MM-DD']);
        const kind = KIND_BY_LABEL.get(get(E.kind) || '其他');
        if (!kind) rowProblems.push([E.kind, `方式应为：${Object.values(ENTRY_KIND_LABELS).join('、')}`]);
        const content = get(E.content);
        if (!content) rowProblems.push([E.content, '工作内容不能为空']);
        const nextText = get(E.nextDate);
        const nextDate = normaliseDate(nextText);
        if (nextText && !nextDate) rowProblems.push([E.nextDate, '日期格式应为 YYYY-MM-DD']);
        const [fromLabel, toLabel] = get(E.stageChange).split('→');
        const fileId = UUID.test(get(E.id)) ? get(E.id) : null;
        const corrects = get(E.correctsId);
        if (rowProblems.length > 0 || !recordKey || !entryOn || !kind) {
          for (const [column, message] of rowProblems)
            problems.push({ row: r, column: `${detail.name}!${column}`, message });
          continue;
        }
        if (
          (fileId && existingIds.has(fileId)) ||
          fingerprints.has(`${recordKey}|${entryOn}|${kind}|${content}`)
        ) {
          skipped++;
          continue;
        }
        fingerprints.add(`${recordKey}|${entryOn}|${kind}|${content}`);
        entries.push({
          row: r,
          recordKey,
          fileId,
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
        });
      }
    }
    const token = uploads.put<ParsedLedger>(ctx.user.id, 'recruitment-ledger-import', { records, entries });
    return {
      token,
      totalRows: total,
      validRows: records.length + entries.length + skipped,
      recordsToCreate: records.filter((r) => !r.existingId).length,
      recordsToUpdate: records.filter((r) => r.existingId).length,
      entriesToCreate: entries.length,
      entriesSkipped: skipped,
      ...capProblems(uploads, ctx.user.id, problems),
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
