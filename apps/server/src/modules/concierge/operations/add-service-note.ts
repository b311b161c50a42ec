import type { ServiceRequest } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { chinaToday } from '../../pipelines/index.ts';
import { assertHandles, type ConciergeDeps } from '../concierge.deps.ts';
import { addEntry, lockRequest, readRequest } from '../concierge.queries.ts';

/** A progress note on the timeline (a call, a visit): progress for the lights. */
export async function addServiceNote(
  deps: ConciergeDeps,
  ctx: UserContext,
  id: string,
  body: { text: string },
): Promise<ServiceRequest> {
  const now = deps.clock.now();
  const today = chinaToday(now);
  return deps.db.transaction(ctx.scope, async (tx) => {
    const request = await lockRequest(tx, ctx, id);
    assertHandles(ctx, request);
    await addEntry(tx, ctx, request, { kind: 'note', text: body.text, at: now, today });
    await deps.supervision.refreshItems(tx, 'service_request', [id]);
    return readRequest(tx, ctx, deps.box, id, today);
  });
}
