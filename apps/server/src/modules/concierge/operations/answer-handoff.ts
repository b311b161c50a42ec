import type { ServiceRequest } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { invalid, notFound } from '../../../platform/http/errors.ts';
import { chinaToday } from '../../pipelines/index.ts';
import { assertHandles, type ConciergeDeps } from '../concierge.deps.ts';
import { addEntry, lockRequest, readRequest } from '../concierge.queries.ts';

/** Records a department's answer to a hand-off. */
export async function answerHandoff(
  deps: ConciergeDeps,
  ctx: UserContext,
  params: { id: string; handoffId: string },
  body: { answer: string; answeredOn: string },
): Promise<ServiceRequest> {
  const now = deps.clock.now();
  const today = chinaToday(now);
  return deps.db.transaction(ctx.scope, async (tx) => {
    const request = await lockRequest(tx, ctx, params.id);
    assertHandles(ctx, request);
    const [h] = rowsOf<{ department: string; sent_on: string }>(
      await tx.execute(sql`SELECT department, sent_on::text AS sent_on FROM service_handoffs
        WHERE id = ${params.handoffId} AND request_id = ${params.id}`),
    );
    if (!h) throw notFound(ctx.lang);
    if (body.answeredOn > today)
      throw invalid([{ path: 'answeredOn', message: '答复日期不能晚于今天' }], ctx.lang);
    if (body.answeredOn < h.sent_on)
      throw invalid([{ path: 'answeredOn', message: `答复日期不能早于发出日期（${h.sent_on}）` }], ctx.lang);
    await tx.execute(sql`UPDATE service_handoffs SET answer = ${body.answer}, answered_on = ${body.answeredOn}::date
      WHERE id = ${params.handoffId}`);
    await addEntry(tx, ctx, request, {
      kind: 'handoff_answered',
      text: `${h.department} 答复（${body.answeredOn}）：${body.answer}`,
      at: now,
      today,
    });
    await deps.supervision.refreshItems(tx, 'service_request', [params.id]);
    return readRequest(tx, ctx, deps.box, params.id, today);
  });
}
