import type { ExpertListQuery } from '@gaodi/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { searchPattern } from '../../../platform/text/search-text.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { deletedFilter, ordered, toExpert } from '../directory.queries.ts';
import { experts, institutes } from '../directory.table.ts';

export async function listExperts(
  { db }: Pick<DirectoryDeps, 'db'>,
  ctx: UserContext,
  query: z.output<typeof ExpertListQuery>,
) {
  const where = and(
    deletedFilter(experts.deletedAt, query.deleted),
    query.q
      ? sql`(${experts.searchText} LIKE ${searchPattern(query.q)} OR ${experts.field} LIKE ${searchPattern(query.q)})`
      : undefined,
    query.instituteId ? eq(experts.instituteId, query.instituteId) : undefined,
  );
  const sortColumn = { name: experts.name, createdAt: experts.createdAt }[query.sort];
  return db.transaction(ctx.scope, async (tx) => {
    const rows = await tx
      .select({ x: experts, instituteName: institutes.name })
      .from(experts)
      .leftJoin(institutes, eq(institutes.id, experts.instituteId))
      .where(where)
      .orderBy(ordered(sortColumn, query.order), asc(experts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(experts).where(where);
    return {
      items: rows.map((r) => toExpert(ctx, r)),
      total: count?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
