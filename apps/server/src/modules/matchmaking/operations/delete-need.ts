import type { Need } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { type MatchmakingDeps, writeIndexed } from '../matchmaking.deps.ts';
import { techNeeds } from '../matchmaking.table.ts';
import { readNeed } from '../needs.queries.ts';

/** Soft delete: the need leaves lists and the matching index. */
export function deleteNeed(
  deps: Pick<MatchmakingDeps, 'db' | 'clock' | 'index'>,
  ctx: UserContext,
  id: string,
): Promise<Need> {
  return writeIndexed(deps, ctx, async (tx) => {
    const need = await readNeed(tx, ctx, id);
    const now = deps.clock.now();
    await tx.update(techNeeds).set({ deletedAt: now, updatedAt: now }).where(eq(techNeeds.id, id));
    await recordUserAction(tx, ctx, now, { action: 'delete', targetType: 'need', targetId: id });
    return need;
  });
}
