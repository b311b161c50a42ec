import type { RejectInput } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { AppError, invalid } from '../../../platform/http/errors.ts';
import { institutes } from '../../directory/index.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { needPairings, recommendationRejections } from '../matchmaking.table.ts';
import { readNeed } from '../needs.queries.ts';

/** Marks a recommended institute unsuitable for a need, with a reason (replaces an earlier one). */
export function rejectRecommendation(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: UserContext,
  needId: string,
  input: z.output<typeof RejectInput>,
): Promise<{ ok: true }> {
  return db.transaction(ctx.scope, async (tx) => {
    const need = await readNeed(tx, ctx, needId);
    const [institute] = await tx
      .select({ id: institutes.id })
      .from(institutes)
      .where(eq(institutes.id, input.instituteId));
    if (!institute) throw invalid([{ path: 'instituteId', message: '院所不存在' }], ctx.lang);
    const [pairing] = await tx
      .select({ id: needPairings.id })
      .from(needPairings)
      .where(and(eq(needPairings.needId, needId), eq(needPairings.instituteId, input.instituteId)));
    if (pairing) throw new AppError(409, 'CONFLICT', '该院所已建立对接，不能再标记为不合适');
    const now = clock.now();
    await tx
      .insert(recommendationRejections)
      .values({
        regionCode: need.regionCode,
        needId,
        instituteId: input.instituteId,
        reason: input.reason,
        note: input.note,
        createdAt: now,
        createdBy: ctx.user.id,
      })
      .onConflictDoUpdate({
        target: [recommendationRejections.needId, recommendationRejections.instituteId],
        set: { reason: input.reason, note: input.note, createdAt: now, createdBy: ctx.user.id },
      });
    await recordUserAction(tx, ctx, now, {
      action: 'reject',
      targetType: 'recommendation',
      targetId: needId,
      detail: input,
    });
    return { ok: true as const };
  });
}
