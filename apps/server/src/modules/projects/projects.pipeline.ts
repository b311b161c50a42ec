import { type Pipeline, type ProjectStage, type ProjectStageInput, projectPipeline } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import { contractNeedIn } from '../matchmaking/index.ts';
import type { Move, PipelineAdapter } from '../pipelines/index.ts';
import type { ProjectDeps } from './projects.deps.ts';
import { lockForEdit, type ProjectRow } from './projects.queries.ts';
import { cooperationProjects } from './projects.table.ts';
import { addEntry } from './projects.writes.ts';

/**
 * Projects' adapter for the one stage mover (modules/pipelines). The mover checks the allowed
 * moves, custom stages, what entering a stage requires (签约: date and contract number; 转化落地:
 * date; 终止: reason), dates not in the future and landed on or after signed; it writes the audit
 * row and refreshes the light. Here only what projects add: who may edit, the columns a move sets,
 * the timeline entry, and signing contracts the need the project came from.
 */

export type ProjectMoveInput = z.output<typeof ProjectStageInput>;
type Locked = ProjectRow & { stage: ProjectStage };
type ProjectMove = Move<ProjectStage, Locked, ProjectMoveInput>;

const pipeline = projectPipeline as Pipeline<ProjectStage> & { key: 'project' };

/** The columns a move into `to` sets besides the stage, and what the timeline adds to the move's text. */
function changesOf(record: Locked, to: ProjectStage, input: ProjectMoveInput) {
  if (to === 'signed')
    return {
      set: { signedOn: input.signedOn, contractNo: input.contractNo || record.contractNo },
      detail: `合同 ${input.contractNo || record.contractNo}`,
    };
  if (to === 'landed')
    return { set: { landedOn: input.landedOn, landedPlace: input.landedPlace || record.landedPlace } };
  if (to === 'stopped') return { set: { stoppedReason: input.reason ?? '' }, detail: input.reason };
  return {};
}

/** The day the timeline puts a move on: the signing or landing date it records, else today. */
function dayOf(move: ProjectMove): string {
  if (move.to.stage === 'signed' && move.input.signedOn) return move.input.signedOn;
  if (move.to.stage === 'landed' && move.input.landedOn) return move.input.landedOn;
  return chinaDay(move.at);
}

export function projectStageAdapter(
  deps: Pick<ProjectDeps, 'clock'>,
): PipelineAdapter<ProjectStage, Locked, ProjectMoveInput> {
  return {
    pipeline,
    auditType: 'project',
    lightsOf: 'project',
    lock: async (tx, ctx, id) => (await lockForEdit(tx, ctx, id)) as Locked,
    datesOf: (record) => ({ signedOn: record.signedOn, landedOn: record.landedOn }),
    prepare: async (_tx, _ctx, move) =>
      // A move inside the stage the project is in (into an office's custom stage) sets nothing more.
      move.to.stage === move.from.stage ? {} : changesOf(move.record, move.to.stage, move.input),
    save: async (tx, record, change) => {
      await tx
        .update(cooperationProjects)
        .set({
          ...change.set,
          stage: change.stage,
          subStage: change.subStage,
          stageChangedAt: change.at,
          updatedAt: change.at,
        })
        .where(eq(cooperationProjects.id, record.id));
    },
    afterMove: async (tx, ctx, move) => {
      await addEntry(tx, deps, ctx, move.record, {
        kind: 'stage',
        on: dayOf(move),
        content: move.text,
        stageFrom: move.from.stage,
        stageTo: move.to.stage,
      });
      // Signing contracts the need it came from (the matchmaking path's last step).
      if (move.to.stage === 'signed' && move.from.stage !== 'signed' && move.record.needId)
        await contractNeedIn(tx, ctx, deps.clock, move.record.needId);
    },
  };
}
