import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { isOperatingSql } from './operating.ts';

/**
 * Figure: platforms in physical operation (实体化运营) in `year`, in the caller's visible regions —
 * those whose newest evidence of the year or the year before meets the region's criteria.
 */
export async function countOperatingPlatforms(tx: Tx, year: number, industryId?: string): Promise<number> {
  const byIndustry = industryId ? sql`AND p.industry_id = ${industryId}` : sql``;
  const result = await tx.execute(
    sql`SELECT count(*)::int AS n FROM platforms p WHERE ${isOperatingSql(year)} ${byIndustry}`,
  );
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
