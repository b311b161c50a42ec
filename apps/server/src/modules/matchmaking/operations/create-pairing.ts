import { OPEN_NEED_STAGES, type Pairing, type PairingInput } from '@gaodi/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, invalid } from '../../../platform/http/errors.ts';
import { institutes } from '../../directory/index.ts';
import { type MatchmakingDeps, writeIndexed } from '../matchmaking.deps.ts';
import { achievements, needPairings, recommendationRejections } from '../matchmaking.table.ts';
import { readNeed } from '../needs.queries.ts';
import { checkEvent, readPairing } from '../pairings.queries.ts';
import { advanceNeed } from './advance-need.ts';

type PairingIn = z.output<typeof PairingInput>;

/** Accepts a recommendation (or records a pairing made elsewhere): need ↔ institute, once. */
export function createPairing(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index'>,
  ctx: UserContext,
  input: PairingIn,
): Promise<Pairing> {
  return writeIndexed(deps, ctx, async (tx) => {
    const need = await readNeed(tx, ctx, input.needId).catch(() => {
      throw invalid([{ path: 'needId', message: '需求不存在' }], ctx.lang);
    });
    if (!OPEN_NEED_STAGES.includes(need.stage))
      throw new AppError(409, 'NEED_NOT_OPEN', '只有已发布或对接中的需求可以建立对接', [
        { path: 'needId', message: '需求尚未发布或已签约、关闭' },
      ]);
    await checkParties(tx, ctx, input);
    // Accepting supersedes an earlier rejection of the same institute for this need.
    await tx
      .delete(recommendationRejections)
      .where(
        and(
          eq(recommendationRejections.needId, input.needId),
          eq(recommendationRejections.instituteId, input.instituteId),
        ),
      );
    const now = deps.clock.now();
    const [row] = await tx
      .insert(needPairings)
      .values({
        regionCode: need.regionCode,
        needId: input.needId,
        instituteId: input.instituteId,
        achievementId: input.achievementId,
        source: input.eventId ? 'event' : 'recommendation',
        eventId: input.eventId,
        outcome: input.outcome,
        note: input.note,
        createdAt: now,
        createdBy: ctx.user.id,
      })
      .returning({ id: needPairings.id });
    if (!row) throw new Error('insert returned nothing');
    await recordUserAction(tx, ctx, now, {
      action: 'create',
      targetType: 'pairing',
      targetId: row.id,
      detail: { needId: input.needId, instituteId: input.instituteId },
    });
    await advanceNeed(tx, ctx, deps.clock, input.needId, 'matching');
    return readPairing(tx, ctx, row.id);
  });
}

/** The institute exists, the achievement is the institute's, the event is visible, no pairing yet. */
async function checkParties(tx: Tx, ctx: UserContext, input: PairingIn) {
  const [institute] = await tx
    .select({ id: institutes.id })
    .from(institutes)
    .where(and(eq(institutes.id, input.instituteId), isNull(institutes.deletedAt)));
  if (!institute) throw invalid([{ path: 'instituteId', message: '院所不存在' }], ctx.lang);
  if (input.achievementId) {
    const [a] = await tx
      .select({ instituteId: achievements.instituteId })
      .from(achievements)
      .where(eq(achievements.id, input.achievementId));
    if (a?.instituteId !== input.instituteId)
      throw invalid([{ path: 'achievementId', message: '成果不属于该院所' }], ctx.lang);
  }
  await checkEvent(tx, ctx, input.eventId);
  const [existing] = await tx
    .select({ id: needPairings.id })
    .from(needPairings)
    .where(and(eq(needPairings.needId, input.needId), eq(needPairings.instituteId, input.instituteId)));
  if (existing)
    throw new AppError(409, 'CONFLICT', '该需求与该院所已建立对接', [
      { path: 'instituteId', message: '已对接' },
    ]);
}
