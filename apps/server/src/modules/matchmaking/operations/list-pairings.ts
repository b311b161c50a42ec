import type { Pairing, PairingListQuery } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { needPairings } from '../matchmaking.table.ts';
import { readPairings } from '../pairings.queries.ts';

export function listPairings(
  { db }: Pick<MatchmakingDeps, 'db'>,
  ctx: UserContext,
  query: z.output<typeof PairingListQuery>,
): Promise<Pairing[]> {
  return db.transaction(ctx.scope, (tx) =>
    readPairings(
      tx,
      and(
        query.needId ? eq(needPairings.needId, query.needId) : undefined,
        query.eventId ? eq(needPairings.eventId, query.eventId) : undefined,
        query.instituteId ? eq(needPairings.instituteId, query.instituteId) : undefined,
      ),
    ),
  );
}
