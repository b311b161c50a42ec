import type { Need } from '@gaodi/contracts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { readNeed } from '../needs.queries.ts';

export function getNeed({ db }: Pick<MatchmakingDeps, 'db'>, ctx: UserContext, id: string): Promise<Need> {
  return db.transaction(ctx.scope, (tx) => readNeed(tx, ctx, id));
}
