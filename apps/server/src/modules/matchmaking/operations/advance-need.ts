import { type NeedStage, needPipeline, OPEN_NEED_STAGES } from '@gaodi/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { techNeeds } from '../matchmaking.table.ts';

/**
 * Moves a need forward when a pairing or project happens (published → matching → contracted),
 * never back and never out of a side exit. Not a user's move: the system follows what happened,
 * so it leaves the office's custom stage (sub-stage) behind.
 */
export async function advanceNeed(
  tx: Tx,
  ctx: UserContext,
  clock: Clock,
  needId: string,
  to: 'matching' | 'contracted',
): Promise<void> {
  const order: readonly NeedStage[] = [...OPEN_NEED_STAGES, ...needPipeline.stagesIn('done')];
  const from = order.slice(0, order.indexOf(to));
  const now = clock.now();
  const moved = await tx
    .update(techNeeds)
    .set({ stage: to, subStage: null, stageChangedAt: now, updatedAt: now })
    .where(and(eq(techNeeds.id, needId), inArray(techNeeds.stage, from)))
    .returning({ id: techNeeds.id, regionCode: techNeeds.regionCode });
  if (moved.length === 0) return;
  await recordUserAction(tx, ctx, now, {
    action: 'stage',
    targetType: 'need',
    targetId: needId,
    detail: { to, automatic: true },
  });
}
