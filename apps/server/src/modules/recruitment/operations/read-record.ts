import { type Recruitment, recruitmentPipeline, type Stage } from '@gaodi/contracts';
import { asc, desc, eq } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { findPlatform } from '../../innovation/index.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import {
  ITEM_TYPE,
  peopleIn,
  summaryQuery,
  todayOf,
  toEntry,
  toMilestone,
  toSummary,
} from '../recruitment.queries.ts';
import { recruitmentEntries, recruitmentMilestones, recruitmentRecords } from '../recruitment.table.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision'>;

/** A record with its ledger, milestones, task force and light history, in the caller's transaction. */
export async function readRecordIn(
  tx: Tx,
  deps: Omit<Deps, 'db'>,
  ctx: UserContext,
  id: string,
): Promise<Recruitment> {
  const { clock, files, supervision } = deps;
  const [row] = await summaryQuery(tx, todayOf(clock), eq(recruitmentRecords.id, id));
  if (!row) throw notFound(ctx.lang);
  const r = row.r;
  const milestones = await tx
    .select()
    .from(recruitmentMilestones)
    .where(eq(recruitmentMilestones.recordId, id))
    .orderBy(asc(recruitmentMilestones.dueOn), asc(recruitmentMilestones.id));
  const entries = await tx
    .select()
    .from(recruitmentEntries)
    .where(eq(recruitmentEntries.recordId, id))
    .orderBy(desc(recruitmentEntries.entryOn), desc(recruitmentEntries.createdAt));
  const attachments = await files.findAttachments(tx, [
    ...entries.flatMap((e) => e.attachmentIds),
    ...(r.agreementFileId ? [r.agreementFileId] : []),
  ]);
  const people = await peopleIn(tx, [r.taskForceLeadId, ...r.taskForceMemberIds]);
  const platform = r.platformId ? await findPlatform(tx, r.platformId) : null;
  const now = clock.now();
  return {
    ...toSummary(row),
    cooperationMode: r.cooperationMode,
    notes: r.notes,
    taskForceLead: people.get(r.taskForceLeadId) ?? null,
    taskForceMembers: r.taskForceMemberIds.flatMap((m) => people.get(m) ?? []),
    signedOn: r.signedOn,
    agreement: r.agreementFileId ? (attachments.get(r.agreementFileId) ?? null) : null,
    platformId: r.platformId,
    platformName: platform?.name ?? null,
    exitReason: r.exitReason,
    milestones: milestones.map(toMilestone),
    entries: entries.map((e) => toEntry(e, attachments, now)),
    lightHistory: await supervision.listLightHistory(tx, ITEM_TYPE, id),
    allowedStages: [...recruitmentPipeline.moves[r.stage as Stage]],
    createdAt: r.createdAt.toISOString(),
  };
}

/** GET one record. */
export const readRecord = (deps: Deps, ctx: UserContext, id: string) =>
  deps.db.transaction(ctx.scope, (tx) => readRecordIn(tx, deps, ctx, id));
