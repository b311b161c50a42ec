import { type SQL, sql } from 'drizzle-orm';

/**
 * The office's definitions over talent records (the indicators issue shows them):
 * - a leading talent (领军人才) holds a programme the catalogue marks as leading (泰山产业领军人才);
 * - a high-level talent (高层次人才) has a doctorate, a senior or associate-senior title (副高级以上),
 *   or any programme of the catalogue.
 * `t` is the talents row alias.
 */
export const isLeadingSql = (t: SQL = sql`t`): SQL =>
  sql`EXISTS (SELECT 1 FROM talent_awards a JOIN talent_programmes g ON g.id = a.programme_id
              WHERE a.talent_id = ${t}.id AND g.is_leading)`;

export const isHighLevelSql = (t: SQL = sql`t`): SQL =>
  sql`(${t}.degree = 'phd' OR ${t}.title_rank IN ('senior', 'associate')
       OR EXISTS (SELECT 1 FROM talent_awards a WHERE a.talent_id = ${t}.id))`;

/** Cultivated (培养) and selected into a leading programme in `year`. */
export const leadingCultivatedInSql = (year: number, t: SQL = sql`t`): SQL =>
  sql`(${t}.mode = 'cultivation' AND EXISTS (SELECT 1 FROM talent_awards a JOIN talent_programmes g ON g.id = a.programme_id
       WHERE a.talent_id = ${t}.id AND g.is_leading AND a.year = ${year}))`;

/** Gathered (引进: arrived) in `year` and high-level. */
export const highLevelGatheredInSql = (year: number, t: SQL = sql`t`): SQL =>
  sql`(${t}.mode = 'arrival' AND ${t}.arrived_on >= ${`${year}-01-01`}::date AND ${t}.arrived_on < ${`${year + 1}-01-01`}::date
       AND ${isHighLevelSql(t)})`;
