import { type SQL, sql } from 'drizzle-orm';

/**
 * The office's definitions over talent records (the indicators issue shows them):
 * - a leading talent (领军人才) holds a programme the catalogue marks as leading (泰山产业领军人才);
 * - a high-level talent (高层次人才) has a doctorate, a senior or associate-senior title (副高级以上),
 *   or any programme of the catalogue.
 * `t` is the talents row alias. `leading_years` and `is_high_level` are derived on write by the
 * talents and awards triggers (migration 0029), so lists and figures read columns, not subqueries.
 */
export const isLeadingSql = (t: SQL = sql`t`): SQL => sql`(cardinality(${t}.leading_years) > 0)`;

export const isHighLevelSql = (t: SQL = sql`t`): SQL => sql`${t}.is_high_level`;

/** Cultivated (培养) and selected into a leading programme in `year`. */
export const leadingCultivatedInSql = (year: number, t: SQL = sql`t`): SQL =>
  sql`(${t}.mode = 'cultivation' AND ${t}.leading_years @> ARRAY[${year}::int])`;

/** Gathered (引进: arrived) in `year` and high-level. */
export const highLevelGatheredInSql = (year: number, t: SQL = sql`t`): SQL =>
  sql`(${t}.mode = 'arrival' AND ${t}.arrived_on >= ${`${year}-01-01`}::date AND ${t}.arrived_on < ${`${year + 1}-01-01`}::date
       AND ${t}.is_high_level)`;
