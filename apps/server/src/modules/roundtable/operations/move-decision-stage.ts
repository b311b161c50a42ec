import {
  type Decision,
  type DecisionMoveInput,
  type DecisionStage,
  decisionPipeline,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { chinaToday, type MoveInput, type PipelineAdapter } from '../../pipelines/index.ts';
import type { RoundtableDeps } from '../roundtable.deps.ts';
import { selectDecisions } from '../roundtable.queries.ts';

type Locked = {
  id: string;
  regionCode: string;
  stage: DecisionStage;
  subStage: string | null;
  ownerUserId: string | null;
};
type Input = MoveInput<DecisionStage> & { proof?: string; reason?: string };

async function lockDecision(tx: Tx, ctx: UserContext, id: string): Promise<Locked> {
  const [d] = rowsOf<{
    id: string;
    region_code: string;
    stage: string;
    sub_stage: string | null;
    owner_user_id: string | null;
  }>(
    await tx.execute(
      sql`SELECT id, region_code, stage, sub_stage, owner_user_id FROM roundtable_decisions WHERE id = ${id} FOR UPDATE`,
    ),
  );
  if (!d) throw notFound(ctx.lang);
  return {
    id: d.id,
    regionCode: d.region_code,
    stage: d.stage as DecisionStage,
    subStage: d.sub_stage,
    ownerUserId: d.owner_user_id,
  };
}

/** The decision pipeline's adapter: the owner (or the office) submits proof; only the office closes it. */
const adapter: PipelineAdapter<DecisionStage, Locked, Input> = {
  pipeline: { ...decisionPipeline, key: 'decision' },
  auditType: 'roundtable_decision',
  lightsOf: 'decision',
  lock: lockDecision,
  datesOf: () => ({}),
  prepare: async (_tx, ctx, move) => {
    const isOffice = ['staff', 'taskforce_lead', 'leader'].includes(ctx.user.role);
    if (!isOffice && move.record.ownerUserId !== ctx.user.id)
      throw new AppError(403, 'NOT_DECISION_OWNER', '只有责任人或会议主持方可以报送佐证');
    if (move.to.stage === 'proof_submitted')
      return { set: { proof: move.input.proof ?? '' }, detail: move.input.proof };
    if (move.to.stage === 'closed') return { set: { closed_at: move.at, closed_by: ctx.user.id } };
    if (move.to.stage === 'open') return { set: { note: move.input.note ?? '' } };
    return { set: { note: move.input.reason ?? '' } };
  },
  save: async (tx, record, change) => {
    const extra = Object.entries(change.set).map(([column, value]) =>
      value instanceof Date
        ? sql`, ${sql.identifier(column)} = ${value.toISOString()}`
        : sql`, ${sql.identifier(column)} = ${value}`,
    );
    await tx.execute(sql`UPDATE roundtable_decisions SET stage = ${change.stage}, sub_stage = ${change.subStage},
      stage_changed_at = ${change.at.toISOString()}, last_entry_on = ${chinaToday(change.at)}::date
      ${sql.join(extra, sql``)} WHERE id = ${record.id}`);
  },
};

/** Submits proof, accepts it (closes the decision), sends it back, or cancels — through the one stage mover. */
export async function moveDecisionStage(
  deps: RoundtableDeps,
  ctx: UserContext,
  id: string,
  input: DecisionMoveInput,
): Promise<Decision> {
  return deps.db.transaction(ctx.scope, async (tx) => {
    await deps.mover.moveStage(tx, ctx, adapter, id, input as Input);
    const [d] = await selectDecisions(tx, sql`d.id = ${id}`, chinaToday(deps.clock.now()));
    if (!d) throw notFound(ctx.lang);
    return d;
  });
}
