import type { MatchmakingEvent } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { readEvent } from '../events.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { matchmakingEvents } from '../matchmaking.table.ts';

export function deleteEvent(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
): Promise<MatchmakingEvent> {
  return db.transaction(ctx.scope, async (tx) => {
    const event = await readEvent(tx, ctx, id);
    await tx
      .update(matchmakingEvents)
      .set({ deletedAt: clock.now(), updatedAt: clock.now() })
      .where(eq(matchmakingEvents.id, id));
    await recordUserAction(tx, ctx, clock.now(), { action: 'delete', targetType: 'event', targetId: id });
    return event;
  });
  /** Staff tick attendance by hand (people without a phone at the door). */
}
