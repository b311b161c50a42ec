import {
  type Attachment,
  LEDGER_EDIT_DAYS,
  type LedgerEntry,
  type LightReason,
  type LightState,
  type Milestone,
  type Person,
  type RecruitmentListQuery,
  type RecruitmentSummary,
  STAGES,
  type Stage,
} from '@gaodi/contracts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { users } from '../../platform/auth/auth.table.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { nameInLang } from '../../platform/db/name-in-lang.ts';
import { notFound } from '../../platform/http/errors.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import { searchPattern } from '../../platform/text/search-text.ts';
import { industries, institutes } from '../directory/index.ts';
import { supervisionLights } from '../supervision/index.ts';
import {
  type recruitmentEntries,
  type recruitmentMilestones,
  recruitmentRecords,
} from './recruitment.table.ts';

/** The row readers and mappers recruitment's operations share. */

export type ListQuery = z.output<typeof RecruitmentListQuery>;
export type RecordRow = typeof recruitmentRecords.$inferSelect;

export const ITEM_TYPE = 'recruitment' as const;
const DAY_MS = 86_400_000;
const ownerUser = alias(users, 'owner_user');

/** Today in China time, YYYY-MM-DD. */
export const todayOf = (clock: Clock) => chinaDay(clock.now());

export const LIGHT_RANK = sql`CASE ${supervisionLights.light} WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END`;
export const STAGE_RANK = sql.raw(
  `CASE recruitment_records.stage ${STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`,
);
/** The record's light (none when the job has not yet seen it). */
export const lightJoin = and(
  eq(supervisionLights.itemType, ITEM_TYPE),
  eq(supervisionLights.itemId, recruitmentRecords.id),
);

export const overdueCount = (day: string) =>
  sql<number>`(SELECT count(*)::int FROM recruitment_milestones m
    WHERE m.record_id = ${recruitmentRecords.id} AND m.done_on IS NULL AND m.due_on < ${day}::date)`;

const summaryColumns = (day: string) => ({
  r: recruitmentRecords,
  instituteName: institutes.name,
  industryName: nameInLang(industries.name, industries.nameEn),
  ownerName: ownerUser.displayName,
  light: supervisionLights.light,
  reasons: supervisionLights.reasons,
  since: supervisionLights.since,
  overdue: overdueCount(day),
});

export type SummaryRow = {
  r: RecordRow;
  instituteName: string;
  industryName: string | null;
  ownerName: string | null;
  light: string | null;
  reasons: unknown;
  since: Date | null;
  overdue: number;
};

const lightOf = (row: Pick<SummaryRow, 'light' | 'reasons' | 'since'>): LightState => ({
  light: (row.light ?? 'none') as LightState['light'],
  reasons: (row.reasons ?? []) as LightReason[],
  since: row.since?.toISOString() ?? null,
});

export const toSummary = (row: SummaryRow): RecruitmentSummary => ({
  id: row.r.id,
  regionCode: row.r.regionCode,
  instituteId: row.r.instituteId,
  instituteName: row.instituteName,
  grade: row.r.grade as RecruitmentSummary['grade'],
  stage: row.r.stage as Stage,
  subStage: row.r.subStage,
  industryId: row.r.industryId,
  industryName: row.industryName,
  owner: row.ownerName ? { id: row.r.ownerId, name: row.ownerName } : null,
  isGreenChannel: row.r.isGreenChannel,
  lastEntryOn: row.r.lastEntryOn,
  nextStep: row.r.nextStep,
  nextDate: row.r.nextDate,
  overdueMilestones: row.overdue,
  light: lightOf(row),
  updatedAt: row.r.updatedAt.toISOString(),
});

/** Records as lists and boards show them, with institute, industry, owner, light and overdue count. */
export function summaryQuery(tx: Tx, day: string, where: SQL | undefined) {
  return tx
    .select(summaryColumns(day))
    .from(recruitmentRecords)
    .innerJoin(institutes, eq(institutes.id, recruitmentRecords.instituteId))
    .leftJoin(industries, eq(industries.id, recruitmentRecords.industryId))
    .leftJoin(ownerUser, eq(ownerUser.id, recruitmentRecords.ownerId))
    .leftJoin(supervisionLights, lightJoin)
    .where(where);
}

/** The list's filters (the board uses the same, without the stage). */
export function listWhere(query: Partial<ListQuery>, day: string): SQL | undefined {
  const r = recruitmentRecords;
  const overdue = sql`(${r.nextDate} < ${day}::date OR ${overdueCount(day)} > 0)`;
  return and(
    query.q ? sql`${institutes.searchText} LIKE ${searchPattern(query.q)}` : undefined,
    query.stage ? eq(r.stage, query.stage) : undefined,
    query.grade ? eq(r.grade, query.grade) : undefined,
    query.light ? sql`coalesce(${supervisionLights.light}, 'none') = ${query.light}` : undefined,
    query.industryId ? eq(r.industryId, query.industryId) : undefined,
    query.ownerId ? eq(r.ownerId, query.ownerId) : undefined,
    query.isGreenChannel === undefined ? undefined : eq(r.isGreenChannel, query.isGreenChannel),
    query.isOverdue === undefined
      ? undefined
      : query.isOverdue
        ? overdue
        : sql`NOT (coalesce(${r.nextDate} < ${day}::date, false) OR ${overdueCount(day)} > 0)`,
  );
}

export const toMilestone = (m: typeof recruitmentMilestones.$inferSelect): Milestone => ({
  id: m.id,
  title: m.title,
  dueOn: m.dueOn,
  doneOn: m.doneOn,
  proofFileId: m.proofFileId,
  proofNote: m.proofNote,
});

/** Entries may be edited for LEDGER_EDIT_DAYS after they were written. */
export const isEditable = (createdAt: Date, now: Date) =>
  now.getTime() - createdAt.getTime() < LEDGER_EDIT_DAYS * DAY_MS;

export function toEntry(
  e: typeof recruitmentEntries.$inferSelect,
  attachments: Map<string, Attachment>,
  now: Date,
): LedgerEntry {
  return {
    id: e.id,
    recordId: e.recordId,
    entryOn: e.entryOn,
    kind: e.kind as LedgerEntry['kind'],
    participants: e.participants,
    content: e.content,
    result: e.result,
    nextStep: e.nextStep,
    nextDate: e.nextDate,
    attachments: e.attachmentIds.flatMap((id) => attachments.get(id) ?? []),
    correctsId: e.correctsId,
    stageFrom: e.stageFrom as Stage | null,
    stageTo: e.stageTo as Stage | null,
    authorName: e.authorName,
    createdAt: e.createdAt.toISOString(),
    isEditable: isEditable(e.createdAt, now),
  };
}

/** Active users among `ids` (row-level security keeps them to the caller's regions). */
export async function peopleIn(tx: Tx, ids: readonly string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Locks the record's row for the write (SELECT … FOR UPDATE), or 404. */
export async function lockRecord(tx: Tx, ctx: UserContext, id: string): Promise<RecordRow> {
  const [row] = await tx.select().from(recruitmentRecords).where(eq(recruitmentRecords.id, id)).for('update');
  if (!row) throw notFound(ctx.lang);
  return row;
}
