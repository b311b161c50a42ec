import type { MatchmakingEvent } from '@gaodi/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { changeOf, recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { syncEventLinks } from '../event-links.ts';
import { type EventIn, eventValues, readEvent } from '../events.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { matchmakingEvents } from '../matchmaking.table.ts';

export function updateEvent(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
  input: EventIn,
): Promise<MatchmakingEvent> {
  return db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .select()
      .from(matchmakingEvents)
      .where(and(eq(matchmakingEvents.id, id), isNull(matchmakingEvents.deletedAt)))
      .for('update');
    if (!row) throw notFound(ctx.lang);
    const [after] = await tx
      .update(matchmakingEvents)
      .set({ ...eventValues(input), updatedAt: clock.now() })
      .where(eq(matchmakingEvents.id, id))
      .returning();
    await syncEventLinks(tx, ctx, id, row.regionCode, input);
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'update',
      targetType: 'event',
      targetId: id,
      detail: after ? changeOf(row, after) : undefined,
    });
    return readEvent(tx, ctx, id);
  });
}
