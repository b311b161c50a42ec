import type { EventListQuery, EventPage } from '@gaodi/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { projectsOf, summaryColumns, toSummary, yearWhere } from '../events.queries.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { matchmakingEvents } from '../matchmaking.table.ts';

export function listEvents(
  { db }: Pick<MatchmakingDeps, 'db'>,
  ctx: UserContext,
  query: z.output<typeof EventListQuery>,
): Promise<EventPage> {
  return db.transaction(ctx.scope, async (tx) => {
    const where = and(
      isNull(matchmakingEvents.deletedAt),
      yearWhere(query.year),
      query.kind ? eq(matchmakingEvents.kind, query.kind) : undefined,
    );
    const rows = await tx
      .select(summaryColumns())
      .from(matchmakingEvents)
      .where(where)
      .orderBy(desc(matchmakingEvents.heldOn), desc(matchmakingEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(matchmakingEvents).where(where);
    const projects = await projectsOf(
      tx,
      rows.map((r) => r.e.id),
    );
    return {
      items: rows.map((r) => toSummary(ctx, r, projects)),
      total: count?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
