import type { ServiceRequest } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { invalid } from '../../../platform/http/errors.ts';
import { chinaToday } from '../../pipelines/index.ts';
import { assertHandles, type ConciergeDeps } from '../concierge.deps.ts';
import { addEntry, lockRequest, readRequest } from '../concierge.queries.ts';

/** Hands a question to another department (自然资源局…); the request's time limit keeps running. */
export async function addHandoff(
  deps: ConciergeDeps,
  ctx: UserContext,
  id: string,
  body: { department: string; sentOn: string; question: string },
): Promise<ServiceRequest> {
  const now = deps.clock.now();
  const today = chinaToday(now);
  if (body.sentOn > today) throw invalid([{ path: 'sentOn', message: '发出日期不能晚于今天' }], ctx.lang);
  return deps.db.transaction(ctx.scope, async (tx) => {
    const request = await lockRequest(tx, ctx, id);
    assertHandles(ctx, request);
    await tx.execute(sql`INSERT INTO service_handoffs (region_code, request_id, department, sent_on, question, created_by)
      VALUES (${request.regionCode}, ${id}, ${body.department}, ${body.sentOn}::date, ${body.question}, ${ctx.user.id})`);
    await addEntry(tx, ctx, request, {
      kind: 'handoff_sent',
      text: `${body.sentOn} 转 ${body.department} 协办：${body.question}`,
      at: now,
      today,
    });
    await deps.supervision.refreshItems(tx, 'service_request', [id]);
    return readRequest(tx, ctx, deps.box, id, today);
  });
}
