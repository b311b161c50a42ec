import type { ServiceRequest } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { chinaToday } from '../../pipelines/index.ts';
import type { ConciergeDeps } from '../concierge.deps.ts';
import { tell } from '../concierge.deps.ts';
import { addEntry, lockRequest, readRequest } from '../concierge.queries.ts';

/** Timeline texts (data). */
const TEXT = { approved: '负责人同意转办，接办人', refused: '负责人不同意转办' };

/** A lead (专班负责人) or leader approves a pending transfer (the new helper takes over) or refuses it with a reason. */
export async function decideTransfer(
  deps: ConciergeDeps,
  ctx: UserContext,
  params: { id: string; transferId: string },
  body: { decision: 'approved' | 'refused'; note: string },
): Promise<ServiceRequest> {
  if (ctx.user.role !== 'taskforce_lead' && ctx.user.role !== 'leader') throw forbidden(ctx.lang);
  const now = deps.clock.now();
  const today = chinaToday(now);
  return deps.db.transaction(ctx.scope, async (tx) => {
    const request = await lockRequest(tx, ctx, params.id);
    const [t] = rowsOf<{
      status: string;
      to_helper_id: string;
      from_helper_id: string | null;
      requested_by: string;
      name: string;
    }>(
      await tx.execute(sql`SELECT t.status, t.to_helper_id, t.from_helper_id, t.requested_by, u.display_name AS name
        FROM service_transfers t JOIN users u ON u.id = t.to_helper_id
        WHERE t.id = ${params.transferId} AND t.request_id = ${params.id}`),
    );
    if (!t) throw notFound(ctx.lang);
    if (t.status !== 'pending') throw new AppError(409, 'TRANSFER_DECIDED', '该转办申请已审批');
    await tx.execute(sql`UPDATE service_transfers SET status = ${body.decision}, decided_by = ${ctx.user.id},
      decided_at = ${now.toISOString()}, decision_note = ${body.note} WHERE id = ${params.transferId}`);
    const approved = body.decision === 'approved';
    if (approved)
      await tx.execute(
        sql`UPDATE service_requests SET helper_id = ${t.to_helper_id}, assigned_by = ${ctx.user.id} WHERE id = ${params.id}`,
      );
    const text = [approved ? TEXT.approved : TEXT.refused, approved ? t.name : '', body.note]
      .filter(Boolean)
      .join(' ');
    await addEntry(tx, ctx, request, {
      kind: approved ? 'transfer_approved' : 'transfer_refused',
      text,
      at: now,
      today,
    });
    await tell(deps, tx, ctx, request, [t.requested_by, t.from_helper_id, approved ? t.to_helper_id : null], {
      title: `${approved ? TEXT.approved : TEXT.refused}：${request.title}`,
      body: text,
      at: now,
    });
    await recordUserAction(tx, ctx, now, {
      action: 'transfer_decision',
      targetType: 'service_request',
      targetId: params.id,
      detail: body,
    });
    await deps.supervision.refreshItems(tx, 'service_request', [params.id]);
    return readRequest(tx, ctx, deps.box, params.id, today);
  });
}
