import {
  type ServiceRequest,
  type ServiceRequestMoveInput,
  type ServiceRequestStage,
  serviceRequestPipeline,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../../platform/http/errors.ts';
import { chinaToday, type MoveInput, type PipelineAdapter } from '../../pipelines/index.ts';
import { assertHandles, type ConciergeDeps, isBureau, tell } from '../concierge.deps.ts';
import { addEntry, type LockedRequest, lockRequest, readRequest } from '../concierge.queries.ts';
import { timeLimitOf, workingDaysAfter } from '../concierge.terms.ts';

type Input = MoveInput<ServiceRequestStage> & {
  rating?: number;
  comment?: string;
  resolution?: string;
  reason?: string;
};

/** Who may make the move besides the pipeline's roles: the requester rates; requester or office withdraws. */
function whoMayMove(ctx: UserContext, record: LockedRequest, to: ServiceRequestStage) {
  const isRequester = record.requesterUserId === ctx.user.id;
  if (to === 'rated') {
    if (!isRequester) throw new AppError(403, 'NOT_REQUESTER', '只有诉求人可以评价');
    return;
  }
  if (to === 'withdrawn' && isRequester) return;
  assertHandles(ctx, record);
}

async function columnsFor(
  tx: Tx,
  record: LockedRequest,
  to: ServiceRequestStage,
  input: Input,
  at: Date,
): Promise<{ set: Record<string, unknown>; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  if (to === 'accepted') {
    // The resolve clock starts at acceptance: M working days from today.
    const limit = await timeLimitOf(tx, record.regionCode, record.kind);
    const days = record.isGreenChannel ? limit.greenResolveDays : limit.resolveDays;
    const resolveDueOn = await workingDaysAfter(tx, record.regionCode, chinaToday(at), days);
    return { set: { accepted_at: at, resolve_due_on: resolveDueOn }, problems };
  }
  if (to === 'resolved') return { set: { resolved_at: at, resolution: input.resolution ?? '' }, problems };
  if (to === 'returned') return { set: { return_reason: input.reason ?? '' }, problems };
  if (to === 'rated') {
    if (!input.rating) problems.push({ path: 'rating', message: '请评分（1–5 分）' });
    return { set: { rating: input.rating ?? null, rating_comment: input.comment ?? '' }, problems };
  }
  return { set: {}, problems };
}

/** What the move's timeline entry adds (data, Chinese like every ledger entry). */
function detailOf(to: ServiceRequestStage, input: Input): string | undefined {
  const parts: Partial<Record<ServiceRequestStage, (string | number | undefined)[]>> = {
    rated: ['评价', input.rating, '分', input.comment],
    resolved: ['办理结果', input.resolution],
    returned: ['退回原因', input.reason],
  };
  return parts[to]?.filter((p) => p !== undefined && p !== '').join(' ');
}

/** The service-request pipeline's adapter for the one stage mover. */
export function serviceRequestAdapter(
  deps: ConciergeDeps,
  ctx: UserContext,
): PipelineAdapter<ServiceRequestStage, LockedRequest, Input> {
  return {
    pipeline: { ...serviceRequestPipeline, key: 'service_request' },
    auditType: 'service_request',
    // Requesters write no lights (supervision rows are the bureau's); the job and the list catch up.
    lightsOf: isBureau(ctx) ? 'service_request' : undefined,
    lock: lockRequest,
    datesOf: () => ({}),
    prepare: async (tx, ctx, move) => {
      whoMayMove(ctx, move.record, move.to.stage);
      const { set, problems } = await columnsFor(tx, move.record, move.to.stage, move.input, move.at);
      const detail = detailOf(move.to.stage, move.input);
      return { set, problems, detail };
    },
    save: async (tx, record, change) => {
      const extra = Object.entries(change.set).map(([column, value]) =>
        value instanceof Date
          ? sql`, ${sql.identifier(column)} = ${value.toISOString()}`
          : sql`, ${sql.identifier(column)} = ${value}`,
      );
      await tx.execute(sql`UPDATE service_requests SET stage = ${change.stage}, sub_stage = ${change.subStage},
        stage_changed_at = ${change.at.toISOString()} ${sql.join(extra, sql``)} WHERE id = ${record.id}`);
    },
    afterMove: async (tx, ctx, move) => {
      const today = chinaToday(move.at);
      await addEntry(tx, ctx, move.record, { kind: 'stage', text: move.text, at: move.at, today });
      await tell(deps, tx, ctx, move.record, [move.record.requesterUserId, move.record.helperId], {
        title: `诉求${serviceRequestPipeline.labels[move.to.stage].zh}：${move.record.title}`,
        body: move.text,
        at: move.at,
      });
    },
  };
}

/** Moves a request (accept, work, resolve, return, withdraw, rate) through the one stage mover. */
export async function moveServiceRequestStage(
  deps: ConciergeDeps,
  ctx: UserContext,
  id: string,
  input: ServiceRequestMoveInput | (Input & { to: 'rated' }),
): Promise<ServiceRequest> {
  const adapter = serviceRequestAdapter(deps, ctx);
  return deps.db.transaction(ctx.scope, async (tx) => {
    await deps.mover.moveStage(tx, ctx, adapter, id, input as Input);
    return readRequest(tx, ctx, deps.box, id, chinaToday(deps.clock.now()));
  });
}

/** The requester rates a resolved request (1–5, with a comment): the move to 已评价. */
export function rateServiceRequest(
  deps: ConciergeDeps,
  ctx: UserContext,
  id: string,
  body: { rating: number; comment: string },
): Promise<ServiceRequest> {
  return moveServiceRequestStage(deps, ctx, id, { to: 'rated', rating: body.rating, comment: body.comment });
}
