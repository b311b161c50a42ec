import type { IndustryFigures } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { countOperatingPlatforms } from '../../innovation/index.ts';
import { countTalentFigures } from '../../talent/index.ts';

/**
 * The projects of an industry (`c` = cooperation_projects): its need's industry, an enterprise
 * party of the industry, or a platform of the industry carrying it.
 */
export const projectOfIndustrySql = (industryId: string): SQL => sql`(
  EXISTS (SELECT 1 FROM tech_needs n WHERE n.id = c.need_id AND n.industry_id = ${industryId})
  OR EXISTS (SELECT 1 FROM enterprises e WHERE e.id = ANY(c.enterprise_ids) AND e.industry_id = ${industryId})
  OR EXISTS (SELECT 1 FROM platform_projects l JOIN platforms p ON p.id = l.platform_id
             WHERE l.project_id = c.id AND p.industry_id = ${industryId}))`;

/** The year's figures of one industry, over the caller's visible records. */
export async function industryFigures(tx: Tx, industryId: string, year: number): Promise<IndustryFigures> {
  const [counts] = rowsOf<{
    platforms: number;
    projects: number;
    landed: number;
    records: number;
    signed: number;
  }>(
    await tx.execute(sql`SELECT
      (SELECT count(*)::int FROM platforms p WHERE p.industry_id = ${industryId}) AS platforms,
      (SELECT count(*)::int FROM cooperation_projects c WHERE ${projectOfIndustrySql(industryId)}) AS projects,
      (SELECT count(*)::int FROM cooperation_projects c WHERE c.stage = 'landed' AND ${projectOfIndustrySql(industryId)}) AS landed,
      (SELECT count(*)::int FROM recruitment_records r WHERE r.industry_id = ${industryId}) AS records,
      (SELECT count(*)::int FROM recruitment_records r WHERE r.industry_id = ${industryId}
         AND r.stage IN ('signed', 'landed', 'operating')) AS signed`),
  );
  const talents = await countTalentFigures(tx, year, industryId);
  return {
    platforms: counts?.platforms ?? 0,
    operatingPlatforms: await countOperatingPlatforms(tx, year, industryId),
    talents: talents.talents,
    leadingTalentsCultivated: talents.leadingCultivated,
    highLevelTalentsGathered: talents.highLevelGathered,
    projects: counts?.projects ?? 0,
    landedProjects: counts?.landed ?? 0,
    recruitmentRecords: counts?.records ?? 0,
    signedRecruitment: counts?.signed ?? 0,
  };
}
