import type { Stage } from '@gaodi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { changeOf, recordUserAction } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { checkRecordInput, type EntryInput, type RecordInput } from './recruitment.checks.ts';
import { recruitmentEntries, recruitmentRecords } from './recruitment.table.ts';

/** The row writers recruitment's operations share (create and import, entries and stage moves). */

/** One audit row for the caller's action, at the clock's time. */
export const audit = (
  tx: Tx,
  clock: Clock,
  ctx: UserContext,
  what: { action: string; targetType: string; targetId: string; detail?: unknown },
) => recordUserAction(tx, ctx, clock.now(), what);

const recordValues = (input: RecordInput) => ({
  instituteId: input.instituteId,
  grade: input.grade,
  cooperationMode: input.cooperationMode,
  industryId: input.industryId,
  ownerId: input.ownerId,
  taskForceLeadId: input.taskForceLeadId,
  // The lead is a member of their own task force.
  taskForceMemberIds: [...new Set([input.taskForceLeadId, ...input.taskForceMemberIds])],
  isGreenChannel: input.isGreenChannel,
  notes: input.notes,
});

/** Inserts in the caller's transaction (create and import). `stage` other than 线索 only for imported history. */
export async function insertRecord(
  tx: Tx,
  clock: Clock,
  ctx: UserContext,
  input: RecordInput,
  stage: Stage = 'lead',
  extra: { signedOn?: string | null } = {},
): Promise<string> {
  await checkRecordInput(tx, ctx, input);
  const existing = await tx
    .select({ id: recruitmentRecords.id })
    .from(recruitmentRecords)
    .where(
      and(
        eq(recruitmentRecords.instituteId, input.instituteId),
        eq(recruitmentRecords.regionCode, ctx.user.activeRegionCode),
      ),
    );
  if (existing.length > 0)
    throw invalid([{ path: 'instituteId', message: '该院所已有招引记录（一院所一专班）' }], ctx.lang);
  const now = clock.now();
  const [row] = await tx
    .insert(recruitmentRecords)
    .values({
      ...recordValues(input),
      regionCode: ctx.user.activeRegionCode,
      stage,
      signedOn: extra.signedOn ?? null,
      stageChangedAt: now,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: recruitmentRecords.id });
  if (!row) throw new Error('insert returned nothing');
  await audit(tx, clock, ctx, { action: 'create', targetType: 'recruitment', targetId: row.id });
  return row.id;
}

/** Updates in the caller's transaction (edit, board drag and import). */
export async function updateRecordIn(tx: Tx, clock: Clock, ctx: UserContext, id: string, input: RecordInput) {
  await checkRecordInput(tx, ctx, input);
  const [before] = await tx.select().from(recruitmentRecords).where(eq(recruitmentRecords.id, id));
  const [after] = await tx
    .update(recruitmentRecords)
    .set({ ...recordValues(input), updatedAt: clock.now() })
    .where(eq(recruitmentRecords.id, id))
    .returning();
  if (!before || !after) throw notFound(ctx.lang);
  await audit(tx, clock, ctx, {
    action: 'update',
    targetType: 'recruitment',
    targetId: id,
    detail: changeOf(before, after),
  });
}

/** Appends a ledger entry in the caller's transaction (also used by stage moves). */
export async function insertEntry(
  tx: Tx,
  clock: Clock,
  ctx: UserContext,
  recordId: string,
  input: EntryInput,
  extra: { stageFrom?: Stage; stageTo?: Stage } = {},
): Promise<string> {
  const [row] = await tx
    .insert(recruitmentEntries)
    .values({
      regionCode: ctx.user.activeRegionCode,
      recordId,
      entryOn: input.entryOn,
      kind: input.kind,
      participants: input.participants,
      content: input.content,
      result: input.result,
      nextStep: input.nextStep,
      nextDate: input.nextDate,
      attachmentIds: input.attachmentIds,
      correctsId: input.correctsId,
      stageFrom: extra.stageFrom ?? null,
      stageTo: extra.stageTo ?? null,
      authorId: ctx.user.id,
      authorName: ctx.user.displayName,
      createdAt: clock.now(),
    })
    .returning({ id: recruitmentEntries.id });
  if (!row) throw new Error('insert returned nothing');
  await audit(tx, clock, ctx, {
    action: 'create',
    targetType: 'recruitment_entry',
    targetId: row.id,
    detail: { recordId },
  });
  return row.id;
}

/** The record's "latest" columns follow its newest entry (by date, then by when it was written). */
export async function syncLatest(tx: Tx, clock: Clock, recordId: string) {
  await tx.execute(sql`
    UPDATE recruitment_records r
    SET last_entry_on = e.entry_on, next_step = e.next_step, next_date = e.next_date, updated_at = ${clock.now()}
    FROM (SELECT entry_on, next_step, next_date FROM recruitment_entries WHERE record_id = ${recordId}
          ORDER BY entry_on DESC, created_at DESC LIMIT 1) e
    WHERE r.id = ${recordId}`);
}
