import type { InstituteListQuery } from '@gaodi/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { searchPattern } from '../../../platform/text/search-text.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { deletedFilter, ordered, toInstitute } from '../directory.queries.ts';
import { institutes } from '../directory.table.ts';

export async function listInstitutes(
  { db }: Pick<DirectoryDeps, 'db'>,
  ctx: UserContext,
  query: z.output<typeof InstituteListQuery>,
) {
  const where = and(
    deletedFilter(institutes.deletedAt, query.deleted),
    query.q ? sql`${institutes.searchText} LIKE ${searchPattern(query.q)}` : undefined,
    query.kind ? eq(institutes.kind, query.kind) : undefined,
    query.level ? eq(institutes.level, query.level) : undefined,
  );
  const sortColumn = { name: institutes.name, createdAt: institutes.createdAt }[query.sort];
  return db.transaction(ctx.scope, async (tx) => {
    const rows = await tx
      .select()
      .from(institutes)
      .where(where)
      .orderBy(ordered(sortColumn, query.order), asc(institutes.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(institutes).where(where);
    return {
      items: rows.map(toInstitute),
      total: count?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
