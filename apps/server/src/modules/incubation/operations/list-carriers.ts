import type { CarrierListQuery, CarrierPage } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { selectCarriers } from '../incubation.queries.ts';

/** The carriers the user sees (its region's, and the enclave carriers sitting in its city). */
export async function listCarriers(tx: Tx, query: z.output<typeof CarrierListQuery>): Promise<CarrierPage> {
  const c: SQL[] = [sql`true`];
  if (query.kind) c.push(sql`c.kind = ${query.kind}`);
  const where = sql.join(c, sql` AND `);
  const [count] = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT count(*)::int AS n FROM incubation_carriers c WHERE ${where}`),
  );
  const items = await selectCarriers(tx, where, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
