import type { Need } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { changeOf, recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { checkIndustry } from '../matchmaking.checks.ts';
import { type MatchmakingDeps, writeIndexed } from '../matchmaking.deps.ts';
import { techNeeds } from '../matchmaking.table.ts';
import { type NeedIn, needValues, readNeed } from '../needs.queries.ts';

export function updateNeed(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index'>,
  ctx: UserContext,
  id: string,
  input: NeedIn,
): Promise<Need> {
  return writeIndexed(deps, ctx, async (tx) => {
    const current = await readNeed(tx, ctx, id);
    // An enterprise edits its need until the bureau has reviewed it; later changes go through staff.
    if (ctx.user.role === 'enterprise' && current.stage !== 'collected')
      throw new AppError(409, 'NEED_LOCKED', '需求已审核，如需修改请联系科技局工作人员');
    if (current.stage === 'closed') throw new AppError(409, 'NEED_LOCKED', '需求已关闭，重新打开后再修改');
    await checkIndustry(tx, ctx, input.industryId);
    const now = deps.clock.now();
    const [before] = await tx.select().from(techNeeds).where(eq(techNeeds.id, id));
    const [after] = await tx
      .update(techNeeds)
      .set({ ...needValues(input), updatedAt: now })
      .where(eq(techNeeds.id, id))
      .returning();
    await recordUserAction(tx, ctx, now, {
      action: 'update',
      targetType: 'need',
      targetId: id,
      detail: before && after ? changeOf(before, after) : undefined,
    });
    return readNeed(tx, ctx, id);
  });
}
