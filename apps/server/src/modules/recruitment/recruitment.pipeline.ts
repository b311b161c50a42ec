import {
  type Pipeline,
  type PlatformInput,
  recruitmentPipeline,
  type Stage,
  type StageMoveInput,
} from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { findPlatform, insertPlatform } from '../innovation/index.ts';
import type { Move, PipelineAdapter } from '../pipelines/index.ts';
import type { RecruitmentDeps } from './recruitment.deps.ts';
import { lockRecord, type RecordRow, todayOf } from './recruitment.queries.ts';
import { recruitmentRecords } from './recruitment.table.ts';
import { insertEntry, syncLatest } from './recruitment.writes.ts';

/**
 * Recruitment's adapter for the one stage mover (modules/pipelines): the generic checks (allowed
 * moves, custom stages, signing date and agreement given and not in the future, a reason before
 * 搁置/终止) are the mover's; here only what recruitment adds: the agreement file exists, 运营
 * links a platform (an existing one or a new one), the columns a move sets, the ledger entry.
 */

type MoveValues = z.output<typeof StageMoveInput>;
type Locked = RecordRow & { stage: Stage };
type RecordChange = Partial<typeof recruitmentRecords.$inferInsert>;
type Prepared = { problems?: FieldProblem[]; set?: RecordChange; detail?: string };
type RecruitmentMove = Omit<Move<Stage, Locked, MoveValues>, 'text'>;

const pipeline = recruitmentPipeline as Pipeline<Stage> & { key: 'recruitment' };
const isStopped = (stage: Stage) => pipeline.groups[stage] === 'stopped';

/** 签约: the agreement must be a stored file; the record keeps the signing date and the agreement. */
async function prepareSigning(
  tx: Tx,
  deps: Pick<RecruitmentDeps, 'files'>,
  input: MoveValues,
): Promise<Prepared> {
  const id = input.agreementFileId;
  const missing = id && !(await deps.files.findAttachments(tx, [id])).has(id);
  return {
    problems: missing ? [{ path: 'agreementFileId', message: '协议附件不存在' }] : [],
    set: { signedOn: input.signedOn ?? null, agreementFileId: id ?? null },
    detail: `签约日期 ${input.signedOn ?? ''}`,
  };
}

/** 运营: the record links a platform, an existing one (platformId) or one created with the move (platform). */
async function preparePlatform(tx: Tx, clock: Clock, ctx: UserContext, input: MoveValues): Promise<Prepared> {
  if (input.platformId) {
    const platform = await findPlatform(tx, input.platformId);
    if (!platform) return { problems: [{ path: 'platformId', message: '平台不存在' }] };
    return { set: { platformId: platform.id }, detail: `运营平台：${platform.name}` };
  }
  if (input.platform) {
    // Created in the move's transaction: refused moves leave no platform behind.
    const platform = await insertPlatform(
      { clock },
      tx,
      ctx,
      input.platform as z.output<typeof PlatformInput>,
    );
    return { set: { platformId: platform.id }, detail: `运营平台：${platform.name}` };
  }
  return { problems: [{ path: 'platformId', message: '进入运营须关联一个平台（选择已有平台或新建）' }] };
}

async function prepare(
  tx: Tx,
  deps: Pick<RecruitmentDeps, 'clock' | 'files'>,
  ctx: UserContext,
  { from, to, input }: RecruitmentMove,
): Promise<Prepared> {
  if (to.stage === from.stage) return {}; // between custom stages of one built-in stage
  if (to.stage === 'signed') return prepareSigning(tx, deps, input);
  if (to.stage === 'operating') return preparePlatform(tx, deps.clock, ctx, input);
  if (isStopped(to.stage))
    return { set: { exitReason: input.reason ?? '' }, detail: `原因：${input.reason ?? ''}` };
  return isStopped(from.stage) ? { set: { exitReason: '' } } : {};
}

/** The move's ledger entry: what moved where (in the office's names), the detail and the note. */
async function writeLedgerEntry(
  tx: Tx,
  clock: Clock,
  ctx: UserContext,
  move: Move<Stage, Locked, MoveValues>,
) {
  const { record, from, to, input } = move;
  const isSigning = to.stage === 'signed' && from.stage !== 'signed';
  // A stage change keeps the promised next step unless the record closes.
  const closes = isStopped(to.stage);
  await insertEntry(
    tx,
    clock,
    ctx,
    record.id,
    {
      entryOn: input.entryOn ?? todayOf(clock),
      kind: isSigning ? 'signing' : 'other',
      participants: ctx.user.displayName,
      content: move.text,
      result: '',
      nextStep: closes ? '' : record.nextStep,
      nextDate: closes ? null : record.nextDate,
      attachmentIds: isSigning && input.agreementFileId ? [input.agreementFileId] : [],
      correctsId: null,
    },
    { stageFrom: from.stage, stageTo: to.stage },
  );
  await syncLatest(tx, clock, record.id);
}

/** The adapter the stage mover moves recruitment records with. */
export function recruitmentStageAdapter(
  deps: Pick<RecruitmentDeps, 'clock' | 'files'>,
): PipelineAdapter<Stage, Locked, MoveValues> {
  return {
    pipeline,
    auditType: 'recruitment',
    lightsOf: 'recruitment',
    lock: async (tx, ctx, id) => {
      const row = await lockRecord(tx, ctx, id);
      return { ...row, stage: row.stage as Stage };
    },
    datesOf: (record) => ({ signedOn: record.signedOn }),
    prepare: (tx, ctx, move) => prepare(tx, deps, ctx, move),
    save: async (tx, record, change) => {
      await tx
        .update(recruitmentRecords)
        .set({
          ...(change.set as RecordChange),
          stage: change.stage,
          subStage: change.subStage,
          stageChangedAt: change.at,
          updatedAt: change.at,
        })
        .where(eq(recruitmentRecords.id, record.id));
    },
    afterMove: (tx, ctx, move) => writeLedgerEntry(tx, deps.clock, ctx, move),
  };
}
