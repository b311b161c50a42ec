import { sql } from 'drizzle-orm';
import type { Tx } from '../../apps/server/src/platform/db/database.ts';

/**
 * The reference: what a DBA would write by hand for the same answers as the endpoints, over the
 * same tables and indexes, in the same scope (row-level security included): each page is one
 * statement with its total (count(*) OVER ()), the stored `operating_years` / `leading_years` /
 * `is_high_level` columns, the industry's projects as a UNION of the three ways a project belongs
 * to it. No HTTP, no JSON, no decryption.
 */
const TIER_ORDER = sql`CASE p.tier WHEN 'comprehensive' THEN 0 WHEN 'leading' THEN 1 ELSE 2 END`;

const platformPage = (tx: Tx, year: number, where: ReturnType<typeof sql>, limit: number) =>
  tx.execute(sql`SELECT p.id, p.region_code, p.name, p.kind, p.level, p.tier, p.industry_id, i.name AS industry_name,
      p.city, p.partners, p.operating_years @> ARRAY[${year}::int] AS is_operating,
      p.latest_evidence_year, p.latest_grade, count(*) OVER () AS total
    FROM platforms p LEFT JOIN industries i ON i.id = p.industry_id
    WHERE ${where}
    ORDER BY ${TIER_ORDER}, p.name, p.id LIMIT ${limit}`);

export const referenceList = (tx: Tx, year: number) => platformPage(tx, year, sql`true`, 20);

export const referenceOperating = (tx: Tx, year: number) =>
  platformPage(tx, year, sql`p.operating_years @> ARRAY[${year}::int]`, 20);

export const referenceByIndustry = (tx: Tx, year: number, industryId: string) =>
  platformPage(tx, year, sql`p.industry_id = ${industryId}`, 20);

/** The industry page: figures in one statement, then its platforms, talents, projects, recruitment. */
export async function referenceIndustryPage(tx: Tx, year: number, industryId: string) {
  const projects = sql`(
    SELECT c.id FROM cooperation_projects c JOIN tech_needs n ON n.id = c.need_id WHERE n.industry_id = ${industryId}
    UNION SELECT c.id FROM cooperation_projects c JOIN enterprises e ON e.id = ANY(c.enterprise_ids)
      WHERE e.industry_id = ${industryId}
    UNION SELECT c.id FROM platform_projects l JOIN platforms p ON p.id = l.platform_id
      JOIN cooperation_projects c ON c.id = l.project_id WHERE p.industry_id = ${industryId})`;
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  await tx.execute(sql`WITH ip AS ${projects}
    SELECT
      (SELECT count(*) FROM platforms p WHERE p.industry_id = ${industryId}) AS platforms,
      (SELECT count(*) FROM platforms p WHERE p.industry_id = ${industryId}
         AND p.operating_years @> ARRAY[${year}::int]) AS operating,
      (SELECT count(*) FROM ip) AS projects,
      (SELECT count(*) FROM ip JOIN cooperation_projects c ON c.id = ip.id WHERE c.stage = 'landed') AS landed,
      (SELECT count(*) FROM recruitment_records r WHERE r.industry_id = ${industryId}) AS records,
      (SELECT count(*) FROM recruitment_records r WHERE r.industry_id = ${industryId}
         AND r.stage IN ('signed', 'landed', 'operating')) AS signed,
      t.*
    FROM (SELECT count(*) AS talents,
            count(*) FILTER (WHERE t.mode = 'cultivation' AND t.leading_years @> ARRAY[${year}::int]) AS leading,
            count(*) FILTER (WHERE t.mode = 'arrival' AND t.is_high_level
              AND t.arrived_on >= ${from}::date AND t.arrived_on < ${to}::date) AS gathered
          FROM talents t WHERE t.industry_id = ${industryId}) t`);
  await platformPage(tx, year, sql`p.industry_id = ${industryId}`, 500);
  await tx.execute(sql`SELECT t.id, t.region_code, t.name, t.gender, t.birth_year, t.degree, t.title, t.title_rank,
      t.employer_kind, t.employer_name, t.field, t.industry_id, t.mode, t.arrived_on,
      (SELECT array_agg(g.name || '（' || a.year || '）' ORDER BY a.year DESC, g.sort_order)
         FROM talent_awards a JOIN talent_programmes g ON g.id = a.programme_id WHERE a.talent_id = t.id) AS programmes,
      cardinality(t.leading_years) > 0 AS is_leading, t.is_high_level, t.phone_cipher, t.id_number_cipher, t.owner_id
    FROM talents t WHERE t.industry_id = ${industryId}
    ORDER BY cardinality(t.leading_years) > 0 DESC, t.is_high_level DESC, t.name, t.id LIMIT 200`);
  await tx.execute(sql`SELECT c.id, c.title, c.stage FROM cooperation_projects c
    WHERE c.id IN ${projects} ORDER BY c.title LIMIT 500`);
  await tx.execute(sql`SELECT r.id, i.name, r.stage, r.grade FROM recruitment_records r
    JOIN institutes i ON i.id = r.institute_id WHERE r.industry_id = ${industryId} ORDER BY r.grade, i.name LIMIT 500`);
}
