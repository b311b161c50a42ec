import type { MatchmakingEvent } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { readEvent } from '../events.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { eventParticipants } from '../matchmaking.table.ts';

export function setAttendance(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: UserContext,
  eventId: string,
  participantId: string,
  attended: boolean,
): Promise<MatchmakingEvent> {
  return db.transaction(ctx.scope, async (tx) => {
    const [p] = await tx
      .select({ id: eventParticipants.id })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.id, participantId), eq(eventParticipants.eventId, eventId)));
    if (!p) throw notFound(ctx.lang);
    await tx
      .update(eventParticipants)
      .set({ attendedAt: attended ? clock.now() : null })
      .where(eq(eventParticipants.id, participantId));
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'attendance',
      targetType: 'event',
      targetId: eventId,
      detail: { participantId, attended },
    });
    return readEvent(tx, ctx, eventId);
  });
}
