import type { IncubateeListQuery, IncubateePage } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike } from '../../../platform/audit/audit.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { selectIncubatees } from '../incubation.queries.ts';

/** Incubatees by stage, carrier or name (the 在孵企业台账's rows). */
export async function listIncubatees(
  tx: Tx,
  query: z.output<typeof IncubateeListQuery>,
): Promise<IncubateePage> {
  const c: SQL[] = [sql`true`];
  if (query.stage) c.push(sql`n.stage = ${query.stage}`);
  if (query.carrierId) c.push(sql`n.carrier_id = ${query.carrierId}`);
  if (query.q) c.push(sql`n.name ILIKE ${`%${escapeLike(query.q)}%`}`);
  const where = sql.join(c, sql` AND `);
  const [count] = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT count(*)::int AS n FROM incubatees n WHERE ${where}`),
  );
  const items = await selectIncubatees(tx, where, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
