import type { NeedPage } from '@gaodi/contracts';
import { desc, eq, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { enterprises } from '../../directory/index.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { techNeeds } from '../matchmaking.table.ts';
import { type NeedQuery, needBase, needWhere, toNeed } from '../needs.queries.ts';

/** A page of needs, newest change first. */
export function listNeeds(
  { db }: Pick<MatchmakingDeps, 'db'>,
  ctx: UserContext,
  query: NeedQuery,
): Promise<NeedPage> {
  return db.transaction(ctx.scope, async (tx) => {
    const rows = await needBase(tx)
      .where(needWhere(query))
      .orderBy(desc(techNeeds.updatedAt), desc(techNeeds.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(techNeeds)
      .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
      .where(needWhere(query));
    return {
      items: rows.map((r) => toNeed(ctx, r)),
      total: count?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
