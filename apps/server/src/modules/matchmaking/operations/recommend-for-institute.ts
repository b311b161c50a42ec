import type { InstituteNeedRecommendations } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { institutes } from '../../directory/index.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { rankOpenNeeds } from '../recommended-needs.ts';

/** The reverse direction: open needs an institute's achievements and experts could answer. */
export async function recommendForInstitute(
  deps: Pick<MatchmakingDeps, 'db' | 'index'>,
  ctx: UserContext,
  instituteId: string,
  top: number,
): Promise<InstituteNeedRecommendations> {
  if (ctx.user.role === 'institute' && ctx.user.instituteId !== instituteId) throw notFound(ctx.lang);
  await deps.db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .select({ id: institutes.id })
      .from(institutes)
      .where(eq(institutes.id, instituteId));
    if (!row) throw notFound(ctx.lang);
  });
  // An institute's profile is broad (many achievements): more terms than the engine's default.
  const needs = await rankOpenNeeds(deps, ctx, { owner: instituteId, terms: 150 }, top);
  return { instituteId, needs };
}
