import { type Need, type NeedStage, type NeedStageInput, needPipeline } from '@gaodi/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { PipelineAdapter, PipelineRecord } from '../../pipelines/index.ts';
import { mayMoveNeeds } from '../matchmaking.checks.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { techNeeds } from '../matchmaking.table.ts';
import { readNeed } from '../needs.queries.ts';

type NeedMove = z.output<typeof NeedStageInput>;
type NeedRecord = PipelineRecord<NeedStage>;

/** The need pipeline's adapter for the one stage mover: lock, save (with the review note). */
export const needAdapter: PipelineAdapter<NeedStage, NeedRecord, NeedMove> = {
  pipeline: { ...needPipeline, key: 'need' },
  auditType: 'need',
  async lock(tx, ctx, id) {
    const [row] = await tx
      .select({
        id: techNeeds.id,
        regionCode: techNeeds.regionCode,
        stage: techNeeds.stage,
        subStage: techNeeds.subStage,
      })
      .from(techNeeds)
      .where(and(eq(techNeeds.id, id), isNull(techNeeds.deletedAt)))
      .for('update');
    if (!row) throw notFound(ctx.lang);
    return { ...row, stage: row.stage as NeedStage };
  },
  datesOf: () => ({}),
  // The note of a review (returned for changes, closed…) is kept on the need.
  prepare: async (_tx, _ctx, move) => ({ set: move.input.note ? { reviewNote: move.input.note } : {} }),
  async save(tx: Tx, record, change) {
    await tx
      .update(techNeeds)
      .set({
        stage: change.stage,
        subStage: change.subStage,
        stageChangedAt: change.at,
        updatedAt: change.at,
        ...change.set,
      })
      .where(eq(techNeeds.id, record.id));
  },
};

/** Review, publication, closing…: the bureau moves a need through the one stage mover. */
export async function moveNeedStage(
  { db, index, mover }: Pick<MatchmakingDeps, 'db' | 'index' | 'mover'>,
  ctx: UserContext,
  id: string,
  input: NeedMove,
): Promise<Need> {
  // Review and publication are the bureau's; enterprises only submit.
  if (!mayMoveNeeds(ctx)) throw new AppError(403, 'FORBIDDEN', '只有科技局工作人员可以审核、发布需求');
  const need = await db.transaction(ctx.scope, async (tx) => {
    await mover.moveStage(tx, ctx, needAdapter, id, input);
    return readNeed(tx, ctx, id);
  });
  index.changed();
  return need;
}
