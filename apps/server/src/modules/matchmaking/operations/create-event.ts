import { randomBytes } from 'node:crypto';
import type { MatchmakingEvent } from '@gaodi/contracts';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { syncEventLinks } from '../event-links.ts';
import { type EventIn, eventValues, readEvent } from '../events.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { matchmakingEvents } from '../matchmaking.table.ts';

export function createEvent(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: UserContext,
  input: EventIn,
): Promise<MatchmakingEvent> {
  return db.transaction(ctx.scope, async (tx) => {
    const now = clock.now();
    const regionCode = ctx.user.activeRegionCode;
    const [row] = await tx
      .insert(matchmakingEvents)
      .values({
        ...eventValues(input),
        regionCode,
        checkinToken: randomBytes(18).toString('base64url'),
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.user.id,
      })
      .returning({ id: matchmakingEvents.id });
    if (!row) throw new Error('insert returned nothing');
    await syncEventLinks(tx, ctx, row.id, regionCode, input);
    await recordUserAction(tx, ctx, clock.now(), { action: 'create', targetType: 'event', targetId: row.id });
    return readEvent(tx, ctx, row.id);
  });
}
