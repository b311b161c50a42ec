import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { DirectoryDeps } from '../directory.deps.ts';
import { type EnterpriseQuery, enterpriseWhere, listEnterpriseRows } from '../directory.queries.ts';
import { enterprises } from '../directory.table.ts';

export async function listEnterprises(
  { db }: Pick<DirectoryDeps, 'db'>,
  ctx: UserContext,
  query: EnterpriseQuery,
) {
  return db.transaction(ctx.scope, async (tx) => {
    const items = await listEnterpriseRows(tx, ctx, query, query.pageSize);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(enterprises)
      .where(enterpriseWhere(query));
    return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
  });
}
