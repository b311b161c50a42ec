import {
  GRADE_LABELS,
  type Grade,
  type LedgerImportPreview,
  STAGE_LABELS,
  type Stage,
} from '@gaodi/contracts';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.table.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { type DataRow, dataRows, type UploadedSheet } from '../../../platform/excel/sheet-reader.ts';
import { industries, institutes } from '../../directory/index.ts';
import { readStageNames } from '../../settings/index.ts';
import { LEDGER_HEADERS as H } from '../recruitment.report.ts';
import { recruitmentRecords } from '../recruitment.table.ts';
import type { ParsedRecord } from './confirm-ledger-import.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const invert = <K extends string>(labels: Record<K, string>) =>
  new Map<string, K>(
    Object.entries(labels).flatMap(([k, v]) => [
      [v as string, k as K],
      [k, k as K],
    ]),
  );
const GRADE_BY_LABEL = new Map<string, Grade>([...invert(GRADE_LABELS), ['A', 'A'], ['B', 'B'], ['C', 'C']]);
export const STAGE_BY_LABEL = invert(STAGE_LABELS);

/** Excel may hand a date back as a Date cell or as text like 2026/3/5 or 2026年3月5日. */
export function normaliseDate(text: string): string | null {
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

export type LedgerProblem = LedgerImportPreview['problems'][number];

/** What the summary sheet's rows are checked against: the region's records, institutes, people. */
export async function readLedgerLookups(tx: Tx, ctx: UserContext) {
  const region = ctx.user.activeRegionCode;
  const known = {
    records: await tx
      .select({
        id: recruitmentRecords.id,
        instituteId: recruitmentRecords.instituteId,
        stage: recruitmentRecords.stage,
        instituteName: institutes.name,
      })
      .from(recruitmentRecords)
      .innerJoin(institutes, eq(institutes.id, recruitmentRecords.instituteId))
      .where(eq(recruitmentRecords.regionCode, region)),
    institutes: await tx
      .select({ id: institutes.id, name: institutes.name })
      .from(institutes)
      .where(eq(institutes.regionCode, region)),
    industries: await tx.select({ id: industries.id, name: industries.name }).from(industries),
    people: await tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.role, ['staff', 'taskforce_lead', 'helper', 'leader'])),
    stageNames: (await readStageNames(tx, region, 'recruitment')) as Record<Stage, string>,
  };
  return {
    records: known.records,
    stageNames: known.stageNames,
    // The office's stage names (what its exports print) and the built-in names both read back.
    stageByLabel: new Map([...STAGE_BY_LABEL, ...invert(known.stageNames)]),
    recordById: new Map(known.records.map((r) => [r.id, r])),
    recordByInstitute: new Map(known.records.map((r) => [r.instituteName, r])),
    instituteByName: new Map(known.institutes.map((i) => [i.name, i.id])),
    industryByName: new Map(known.industries.map((i) => [i.name, i.id])),
    personByName: new Map(known.people.map((p) => [p.name, p.id])),
  };
}

export type LedgerLookups = Awaited<ReturnType<typeof readLedgerLookups>>;

/** The people of a summary row: 责任人 defaults to the importer, 专班负责人 to the 责任人. */
function readPeople(
  get: DataRow['get'],
  look: LedgerLookups,
  ctx: UserContext,
  problem: (c: string, m: string) => void,
) {
  const ownerName = get(H.owner);
  const ownerId = ownerName ? look.personByName.get(ownerName) : ctx.user.id;
  if (!ownerId) problem(H.owner, `责任人“${ownerName}”不是本区域的工作人员`);
  const leadName = get(H.lead);
  const leadId = leadName ? look.personByName.get(leadName) : (ownerId ?? ctx.user.id);
  if (!leadId) problem(H.lead, `专班负责人“${leadName}”不是本区域的工作人员`);
  return { ownerId, leadId };
}

/** One summary row → a record to create or update, or the row's problems (column, message). */
function checkRecordRow(
  { row: r, get }: DataRow,
  look: LedgerLookups,
  ctx: UserContext,
  seenInstitutes: Map<string, number>,
): { record: Omit<ParsedRecord, 'key'>; idText: string } | { problems: string[][] } {
  const problems: string[][] = [];
  const problem = (column: string, message: string) => problems.push([column, message]);
  const instituteName = get(H.institute);
  if (!instituteName) problem(H.institute, '院所名称不能为空');
  const earlier = seenInstitutes.get(instituteName);
  if (earlier) problem(H.institute, `与第 ${earlier} 行的院所重复`);
  seenInstitutes.set(instituteName, r);
  const grade = GRADE_BY_LABEL.get(get(H.grade) || 'B');
  if (!grade) problem(H.grade, `等级应为：${Object.values(GRADE_LABELS).join('、')}`);
  const stage = look.stageByLabel.get(get(H.stage));
  if (!stage) problem(H.stage, `招引阶段应为：${Object.values(look.stageNames).join('、')}`);
  const industryName = get(H.industry);
  const industryId = industryName ? (look.industryByName.get(industryName) ?? null) : null;
  if (industryName && !industryId) problem(H.industry, `产业“${industryName}”不存在`);
  const { ownerId, leadId } = readPeople(get, look, ctx, problem);
  const signedText = get(H.signedOn);
  const signedOn = normaliseDate(signedText);
  if (signedText && !signedOn) problem(H.signedOn, '日期格式应为 YYYY-MM-DD');
  const idText = get(H.id);
  // A 记录ID this system does not know comes from another system (a move, a backup): the
  // record is then matched by institute, or created.
  let existing = idText ? look.recordById.get(idText) : undefined;
  if (idText && !UUID.test(idText)) problem(H.id, '记录ID 格式不正确，请清空后作为新记录导入');
  existing ??= look.recordByInstitute.get(instituteName);
  if (existing && stage && existing.stage !== stage) {
    problem(
      H.stage,
      `系统中为“${look.stageNames[existing.stage as Stage]}”，阶段变更请在系统中办理（须符合流转规则）`,
    );
  }
  if (problems.length > 0 || !grade || !stage || !ownerId || !leadId) return { problems };
  const record = {
    row: r,
    existingId: existing?.id ?? null,
    instituteName,
    instituteId: existing?.instituteId ?? look.instituteByName.get(instituteName) ?? null,
    grade,
    stage,
    cooperationMode: get(H.mode),
    industryId,
    ownerId,
    leadId,
    isGreenChannel: get(H.greenChannel) === '是',
    signedOn,
  };
  return { record, idText };
}

/**
 * The 招引台账 sheet: records matched by 记录ID, else by institute. `recordKeys` maps the file's ids
 * and institute names (and the region's records) to the key the detail sheet's entries use.
 */
export async function parseRecordSheet(
  sheet: UploadedSheet,
  header: { row: number; columns: Map<string, number> },
  look: LedgerLookups,
  ctx: UserContext,
) {
  const problems: LedgerProblem[] = [];
  const records: ParsedRecord[] = [];
  const recordKeys = new Map<string, string>(); // file id or institute name → key
  const seenInstitutes = new Map<string, number>();
  let total = 0;
  for await (const line of dataRows(sheet, header)) {
    total++;
    const checked = checkRecordRow(line, look, ctx, seenInstitutes);
    if ('problems' in checked) {
      for (const [column, message] of checked.problems)
        problems.push({ row: line.row, column: `${sheet.name}!${column}`, message: message ?? '' });
      continue;
    }
    const { record, idText } = checked;
    const key = record.existingId ?? `new:${record.instituteName}`;
    if (idText) recordKeys.set(idText, key);
    recordKeys.set(record.instituteName, key);
    records.push({ ...record, key });
  }
  for (const r of look.records) {
    if (!recordKeys.has(r.id)) recordKeys.set(r.id, r.id);
    if (!recordKeys.has(r.instituteName)) recordKeys.set(r.instituteName, r.id);
  }
  return { records, recordKeys, problems, total };
}
