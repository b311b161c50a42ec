import type { Pairing, PairingUpdateInput } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { needPairings } from '../matchmaking.table.ts';
import { checkEvent, readPairing } from '../pairings.queries.ts';

/** Records a pairing at an event, its outcome or a note. */
export function updatePairing(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: UserContext,
  id: string,
  input: z.output<typeof PairingUpdateInput>,
): Promise<Pairing> {
  return db.transaction(ctx.scope, async (tx) => {
    const current = await readPairing(tx, ctx, id);
    await checkEvent(tx, ctx, input.eventId);
    await tx
      .update(needPairings)
      .set({
        ...(input.eventId !== undefined ? { eventId: input.eventId } : {}),
        ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
      })
      .where(eq(needPairings.id, id));
    await recordUserAction(tx, ctx, clock.now(), {
      action: 'update',
      targetType: 'pairing',
      targetId: id,
      detail: { before: { eventId: current.eventId, outcome: current.outcome }, after: input },
    });
    return readPairing(tx, ctx, id);
  });
}
