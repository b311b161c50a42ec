import type { MatchmakingEvent } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { readEvent } from '../events.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';

export function getEvent(
  { db }: Pick<MatchmakingDeps, 'db'>,
  ctx: UserContext,
  id: string,
): Promise<MatchmakingEvent> {
  return db.transaction(ctx.scope, (tx) => readEvent(tx, ctx, id));
}
