import type { PlatformListQuery, PlatformPage, PlatformSummary } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike } from '../../../platform/audit/audit.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { nameInLang } from '../../../platform/db/name-in-lang.ts';
import { isOperatingSql } from './operating.ts';

type Query = z.output<typeof PlatformListQuery>;

type SummaryRow = {
  id: string;
  region_code: string;
  name: string;
  kind: string;
  level: string;
  tier: string;
  industry_id: string | null;
  industry_name: string | null;
  city: string;
  partners: string[];
  is_operating: boolean;
  latest_year: number | null;
  latest_grade: string | null;
};

/** The columns of a platform summary, for `FROM platforms p`. */
export function summarySelect(year: number): SQL {
  return sql`p.id, p.region_code, p.name, p.kind, p.level, p.tier, p.industry_id, ${nameInLang(sql`i.name`, sql`i.name_en`)} AS industry_name,
    p.city, p.partners, ${isOperatingSql(year)} AS is_operating,
    p.latest_evidence_year AS latest_year, p.latest_grade`;
}

export const toSummary = (r: SummaryRow): PlatformSummary => ({
  id: r.id,
  regionCode: r.region_code,
  name: r.name,
  kind: r.kind as PlatformSummary['kind'],
  level: r.level as PlatformSummary['level'],
  tier: r.tier as PlatformSummary['tier'],
  industryId: r.industry_id,
  industryName: r.industry_name,
  city: r.city,
  partnerNames: r.partners,
  isOperating: r.is_operating,
  latestEvidenceYear: r.latest_year,
  latestGrade: r.latest_grade as PlatformSummary['latestGrade'],
});

/** Platform summaries matching `where` (over `platforms p`), ordered 1 → 4 → N then by name. */
export async function selectSummaries(
  tx: Tx,
  year: number,
  where: SQL,
  page: { limit: number; offset: number },
): Promise<PlatformSummary[]> {
  const rows = rowsOf<SummaryRow>(
    await tx.execute(sql`SELECT ${summarySelect(year)}
      FROM platforms p LEFT JOIN industries i ON i.id = p.industry_id
      WHERE ${where}
      ORDER BY CASE p.tier WHEN 'comprehensive' THEN 0 WHEN 'leading' THEN 1 ELSE 2 END, p.name, p.id
      LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
  return rows.map(toSummary);
}

/** The list with filters by kind, level, tier, industry, name and operating-or-not in `year`. */
export async function listPlatforms(tx: Tx, query: Query, year: number): Promise<PlatformPage> {
  const conditions: SQL[] = [sql`true`];
  if (query.q) conditions.push(sql`p.name ILIKE ${`%${escapeLike(query.q)}%`}`);
  if (query.kind) conditions.push(sql`p.kind = ${query.kind}`);
  if (query.level) conditions.push(sql`p.level = ${query.level}`);
  if (query.tier) conditions.push(sql`p.tier = ${query.tier}`);
  if (query.industryId) conditions.push(sql`p.industry_id = ${query.industryId}`);
  if (query.isOperating !== undefined)
    conditions.push(query.isOperating ? isOperatingSql(year) : sql`NOT ${isOperatingSql(year)}`);
  const where = sql.join(conditions, sql` AND `);
  const [count] = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT count(*)::int AS n FROM platforms p WHERE ${where}`),
  );
  const items = await selectSummaries(tx, year, where, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
