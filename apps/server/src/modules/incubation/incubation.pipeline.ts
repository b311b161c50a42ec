import {
  CARRIER_KIND_LABELS,
  type CarrierKind,
  type IncubateeStage,
  type IncubateeStageInput,
  incubateePipeline,
  type Pipeline,
} from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import type { Move, PipelineAdapter } from '../pipelines/index.ts';
import { carrierOf, type LockedIncubatee, lockIncubatee } from './incubation.queries.ts';
import { incubateeMoves, incubatees } from './incubation.table.ts';

/**
 * Incubatees' adapter for the one stage mover: a move into a carrier stage names a carrier of that
 * kind in the office's region; leaving an enclave carrier for a county carrier lands the incubatee
 * (landed_on: counted once, where it lands); graduation records the date and the criteria met; an
 * exit its reason. Every move adds a step to the chain path.
 */
export type IncubateeMoveInput = z.output<typeof IncubateeStageInput>;
type IncubateeMove = Move<IncubateeStage, LockedIncubatee, IncubateeMoveInput>;
const pipeline = incubateePipeline as Pipeline<IncubateeStage> & { key: 'incubatee' };
const CARRIER_STAGES: readonly string[] = ['maker_space', 'incubator', 'accelerator', 'park'];

type Prepared = { problems?: FieldProblem[]; set?: Record<string, unknown>; detail?: string };

async function prepareCarrierMove(
  tx: Parameters<
    NonNullable<PipelineAdapter<IncubateeStage, LockedIncubatee, IncubateeMoveInput>['prepare']>
  >[0],
  move: Omit<IncubateeMove, 'text'>,
  today: string,
): Promise<Prepared> {
  const { input, record, to } = move;
  const kindName = CARRIER_KIND_LABELS[to.stage as CarrierKind];
  if (!input.carrierId) return { problems: [{ path: 'carrierId', message: `请选择要进入的${kindName}` }] };
  const carrier = await carrierOf(tx, input.carrierId);
  if (!carrier || carrier.regionCode !== record.regionCode)
    return { problems: [{ path: 'carrierId', message: '载体不存在或不属于本地区' }] };
  if (carrier.kind !== to.stage)
    return { problems: [{ path: 'carrierId', message: `所选载体不是${kindName}` }] };
  const from = record.carrierId ? await carrierOf(tx, record.carrierId) : null;
  const lands = Boolean(from?.locationRegionCode) && !carrier.locationRegionCode;
  return {
    set: { carrierId: carrier.id, ...(lands ? { landedOn: input.movedOn ?? today } : {}) },
    detail: lands ? '自飞地孵化中心落地金乡' : undefined,
  };
}

export function incubateeStageAdapter(): PipelineAdapter<
  IncubateeStage,
  LockedIncubatee,
  IncubateeMoveInput
> {
  return {
    pipeline,
    auditType: 'incubatee',
    lock: lockIncubatee,
    datesOf: (record) => ({ graduatedOn: record.graduatedOn }),
    prepare: async (tx, _ctx, move) => {
      const today = chinaDay(move.at);
      if (CARRIER_STAGES.includes(move.to.stage)) return prepareCarrierMove(tx, move, today);
      if (move.to.stage === 'graduated') {
        const on = move.input.graduatedOn ?? today;
        if (on < move.record.enteredOn)
          return {
            problems: [
              { path: 'graduatedOn', message: `毕业日期不能早于入驻日期（${move.record.enteredOn}）` },
            ],
          };
        return {
          set: { graduatedOn: on, criteria: move.input.criteria },
          detail: `毕业条件：${move.input.criteria}`,
        };
      }
      if (move.to.stage === 'exited')
        return {
          set: { exitReason: move.input.reason, exitedOn: today },
          detail: `退出原因：${move.input.reason}`,
        };
      return {};
    },
    save: async (tx, record, change) => {
      await tx
        .update(incubatees)
        .set({
          ...change.set,
          stage: change.stage,
          subStage: change.subStage,
          stageChangedAt: change.at,
          updatedAt: change.at,
        })
        .where(eq(incubatees.id, record.id));
    },
    afterMove: async (tx, _ctx, move) => {
      const on =
        move.to.stage === 'graduated'
          ? (move.input.graduatedOn ?? chinaDay(move.at))
          : (move.input.movedOn ?? chinaDay(move.at));
      await tx.insert(incubateeMoves).values({
        regionCode: move.record.regionCode,
        incubateeId: move.record.id,
        on,
        fromStage: move.from.stage,
        toStage: move.to.stage,
        carrierId: CARRIER_STAGES.includes(move.to.stage)
          ? (move.input.carrierId ?? null)
          : move.record.carrierId,
        text: move.text,
        at: move.at,
      });
    },
  };
}
