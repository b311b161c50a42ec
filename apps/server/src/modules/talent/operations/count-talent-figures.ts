import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { highLevelGatheredInSql, leadingCultivatedInSql } from './talent-sql.ts';

/**
 * Figures over the caller's visible talents in `year` (optionally of one industry): leading
 * talents cultivated (培养 and selected into a leading programme that year) and high-level talents
 * gathered (引进 that year with a doctorate, a 副高级+ title or a programme).
 */
export async function countTalentFigures(
  tx: Tx,
  year: number,
  industryId?: string,
): Promise<{ leadingCultivated: number; highLevelGathered: number; talents: number }> {
  const byIndustry = industryId ? sql`WHERE t.industry_id = ${industryId}` : sql``;
  const [row] = rowsOf<{ leading: number; gathered: number; total: number }>(
    await tx.execute(sql`SELECT
        count(*) FILTER (WHERE ${leadingCultivatedInSql(year)})::int AS leading,
        count(*) FILTER (WHERE ${highLevelGatheredInSql(year)})::int AS gathered,
        count(*)::int AS total
      FROM talents t ${byIndustry}`),
  );
  return {
    leadingCultivated: row?.leading ?? 0,
    highLevelGathered: row?.gathered ?? 0,
    talents: row?.total ?? 0,
  };
}
