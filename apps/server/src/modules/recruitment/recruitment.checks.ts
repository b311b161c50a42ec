import type { LedgerEntryInput, MilestoneInput, RecruitmentInput } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { type FieldProblem, invalid } from '../../platform/http/errors.ts';
import type { FilesService } from '../../platform/storage/files.service.ts';
import { industries, institutes } from '../directory/index.ts';
import { peopleIn } from './recruitment.queries.ts';
import { recruitmentEntries } from './recruitment.table.ts';

/** Checks of a write's references (people, institute, files, entries) the schemas cannot make. */

export type RecordInput = z.output<typeof RecruitmentInput>;
export type EntryInput = z.output<typeof LedgerEntryInput>;
export type MilestoneValues = z.output<typeof MilestoneInput>;

/** Refuses people who are not active users of the caller's visible regions, per field. */
export async function checkPeople(
  tx: Tx,
  ctx: UserContext,
  fields: { path: string; ids: readonly string[] }[],
) {
  const known = await peopleIn(
    tx,
    fields.flatMap((f) => f.ids),
  );
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    f.ids.forEach((id, i) => {
      if (!known.has(id))
        problems.push({
          path: f.ids.length > 1 || f.path.endsWith('Ids') ? `${f.path}.${i}` : f.path,
          message: '该人员不存在或不在本区域',
        });
    });
  }
  if (problems.length > 0) throw invalid(problems, ctx.lang);
}

export async function checkRecordInput(tx: Tx, ctx: UserContext, input: RecordInput) {
  await checkPeople(tx, ctx, [
    { path: 'ownerId', ids: [input.ownerId] },
    { path: 'taskForceLeadId', ids: [input.taskForceLeadId] },
    { path: 'taskForceMemberIds', ids: input.taskForceMemberIds },
  ]);
  const [inst] = await tx
    .select({ id: institutes.id })
    .from(institutes)
    .where(eq(institutes.id, input.instituteId));
  if (!inst) throw invalid([{ path: 'instituteId', message: '院所不存在' }], ctx.lang);
  if (input.industryId) {
    const [ind] = await tx
      .select({ id: industries.id })
      .from(industries)
      .where(eq(industries.id, input.industryId));
    if (!ind) throw invalid([{ path: 'industryId', message: '产业不存在' }], ctx.lang);
  }
}

/** An entry: not in the future, next date not before it, its files exist, it corrects its own record's entry. */
export async function checkEntryInput(
  tx: Tx,
  { files, today }: { files: FilesService; today: string },
  ctx: UserContext,
  recordId: string,
  input: EntryInput,
) {
  const problems: FieldProblem[] = [];
  if (input.entryOn > today) problems.push({ path: 'entryOn', message: '日期不能晚于今天' });
  if (input.nextDate && input.nextDate < input.entryOn)
    problems.push({ path: 'nextDate', message: '下一步时间不能早于本次日期' });
  const found = await files.findAttachments(tx, input.attachmentIds);
  input.attachmentIds.forEach((id, i) => {
    if (!found.has(id)) problems.push({ path: `attachmentIds.${i}`, message: '附件不存在' });
  });
  if (input.correctsId) {
    const [target] = await tx
      .select({ recordId: recruitmentEntries.recordId })
      .from(recruitmentEntries)
      .where(eq(recruitmentEntries.id, input.correctsId));
    if (!target || target.recordId !== recordId)
      problems.push({ path: 'correctsId', message: '被更正的台账条目不属于该记录' });
  }
  if (problems.length > 0) throw invalid(problems, ctx.lang);
}

/** A milestone: its proof exists, its done date is not in the future. */
export async function checkMilestone(
  tx: Tx,
  { files, today }: { files: FilesService; today: string },
  ctx: UserContext,
  input: MilestoneValues,
) {
  if (input.proofFileId && !(await files.findAttachments(tx, [input.proofFileId])).has(input.proofFileId)) {
    throw invalid([{ path: 'proofFileId', message: '证明材料不存在' }], ctx.lang);
  }
  if (input.doneOn && input.doneOn > today)
    throw invalid([{ path: 'doneOn', message: '完成日期不能晚于今天' }], ctx.lang);
}
