import type { ServiceRequest } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { chinaToday } from '../../pipelines/index.ts';
import { assertDispatcher, type ConciergeDeps, tell } from '../concierge.deps.ts';
import { helperIn } from '../concierge.helpers.ts';
import { addEntry, lockRequest, readRequest } from '../concierge.queries.ts';

/** The dispatcher assigns a helper to a request nobody serves yet (later changes go through a transfer). */
export async function assignServiceRequest(
  deps: ConciergeDeps,
  ctx: UserContext,
  id: string,
  body: { helperId: string },
): Promise<ServiceRequest> {
  assertDispatcher(ctx);
  const now = deps.clock.now();
  const today = chinaToday(now);
  return deps.db.transaction(ctx.scope, async (tx) => {
    const request = await lockRequest(tx, ctx, id);
    const helper = await helperIn(tx, ctx, request.regionCode, body.helperId, 'helperId');
    await tx.execute(
      sql`UPDATE service_requests SET helper_id = ${helper.id}, assigned_by = ${ctx.user.id} WHERE id = ${id}`,
    );
    await addEntry(tx, ctx, request, {
      kind: 'assigned',
      text: `分派给帮办专员 ${helper.name}`,
      at: now,
      today,
    });
    await tell(deps, tx, ctx, request, [helper.id], {
      title: `分派诉求：${request.title}`,
      body: request.number,
      at: now,
    });
    await recordUserAction(tx, ctx, now, {
      action: 'assign',
      targetType: 'service_request',
      targetId: id,
      detail: { helperId: helper.id },
    });
    await deps.supervision.refreshItems(tx, 'service_request', [id]);
    return readRequest(tx, ctx, deps.box, id, today);
  });
}
