import type { ServiceRequest } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { AppError, invalid } from '../../../platform/http/errors.ts';
import { chinaToday } from '../../pipelines/index.ts';
import { assertHandles, type ConciergeDeps, tell } from '../concierge.deps.ts';
import { helperIn, leadsOf } from '../concierge.helpers.ts';
import { addEntry, lockRequest, readRequest } from '../concierge.queries.ts';

/** The helper asks to hand a request to another helper; a lead approves or refuses it. */
export async function requestTransfer(
  deps: ConciergeDeps,
  ctx: UserContext,
  id: string,
  body: { toHelperId: string; reason: string },
): Promise<ServiceRequest> {
  const now = deps.clock.now();
  const today = chinaToday(now);
  return deps.db.transaction(ctx.scope, async (tx) => {
    const request = await lockRequest(tx, ctx, id);
    assertHandles(ctx, request);
    if (!['submitted', 'accepted', 'in_progress'].includes(request.stage))
      throw new AppError(409, 'REQUEST_CLOSED', '诉求已办结或已退出，不能转办');
    if (body.toHelperId === request.helperId)
      throw invalid([{ path: 'toHelperId', message: '已由该帮办专员办理' }], ctx.lang);
    const helper = await helperIn(tx, ctx, request.regionCode, body.toHelperId, 'toHelperId');
    const [pending] = rowsOf<{ id: string }>(
      await tx.execute(sql`SELECT id FROM service_transfers WHERE request_id = ${id} AND status = 'pending'`),
    );
    if (pending) throw new AppError(409, 'TRANSFER_PENDING', '已有待负责人审批的转办申请');
    await tx.execute(sql`INSERT INTO service_transfers (region_code, request_id, from_helper_id, to_helper_id, reason,
      requested_by, requested_at) VALUES (${request.regionCode}, ${id}, ${request.helperId}, ${helper.id}, ${body.reason},
      ${ctx.user.id}, ${now.toISOString()})`);
    await addEntry(tx, ctx, request, {
      kind: 'transfer_requested',
      text: `申请转办给 ${helper.name}：${body.reason}`,
      at: now,
      today,
    });
    await tell(deps, tx, ctx, request, await leadsOf(tx, request.regionCode), {
      title: `转办待审批：${request.title}`,
      body: `转给 ${helper.name}：${body.reason}`,
      at: now,
    });
    await recordUserAction(tx, ctx, now, {
      action: 'transfer',
      targetType: 'service_request',
      targetId: id,
      detail: { toHelperId: helper.id },
    });
    return readRequest(tx, ctx, deps.box, id, today);
  });
}
