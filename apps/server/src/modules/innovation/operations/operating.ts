import {
  type CriteriaAnswer,
  DEFAULT_OPERATING_CRITERIA,
  type EvidenceInput,
  type OperatingCriteria,
} from '@gaodi/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { platformCriteria } from '../innovation.table.ts';

/** The office's year (Shanghai time) of the clock's now. */
export const yearOf = (clock: Clock): number => Number(chinaDay(clock.now()).slice(0, 4));

/** The region's criteria, else the built-in defaults. */
export async function readCriteria(tx: Tx, regionCode: string): Promise<CriteriaAnswer> {
  const [row] = await tx.select().from(platformCriteria).where(eq(platformCriteria.regionCode, regionCode));
  if (!row) return { ...DEFAULT_OPERATING_CRITERIA, isDefault: true };
  return {
    minStaff: row.minStaff,
    minAreaM2: row.minAreaM2,
    minEquipmentFen: row.minEquipmentFen,
    minRdSpendingFen: row.minRdSpendingFen,
    minOutputs: row.minOutputs,
    isDefault: false,
  };
}

const wan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN')} 万元`;

/** What one year's evidence lacks against the criteria (empty: it meets them). Chinese, for the page. */
export function shortfallsOf(e: z.output<typeof EvidenceInput>, c: OperatingCriteria): string[] {
  const out: string[] = [];
  if (e.staff < c.minStaff) out.push(`专职人员 ${e.staff} 人，低于 ${c.minStaff} 人`);
  if (e.areaM2 < c.minAreaM2) out.push(`场地 ${e.areaM2} 平方米，低于 ${c.minAreaM2} 平方米`);
  if (e.equipmentFen < c.minEquipmentFen)
    out.push(`设备原值 ${wan(e.equipmentFen)}，低于 ${wan(c.minEquipmentFen)}`);
  if (e.rdSpendingFen < c.minRdSpendingFen)
    out.push(`研发投入 ${wan(e.rdSpendingFen)}，低于 ${wan(c.minRdSpendingFen)}`);
  const outputs = e.patents + e.standards + e.products + e.servedEnterprises;
  if (outputs < c.minOutputs)
    out.push(`产出（专利、标准、产品、服务企业）${outputs} 项，低于 ${c.minOutputs} 项`);
  return out;
}

/**
 * SQL: the platform `platformId` (a column) is operating in `year` — its newest evidence of `year`
 * or the year before meets its region's criteria (or the defaults). The same rule as
 * `shortfallsOf`; one query for lists, filters and figures.
 */
export function isOperatingSql(platformId: SQL | unknown, year: number): SQL {
  const d = DEFAULT_OPERATING_CRITERIA;
  return sql`EXISTS (
    SELECT 1 FROM platform_evidence e
    LEFT JOIN platform_criteria c ON c.region_code = e.region_code
    WHERE e.platform_id = ${platformId}
      AND e.year = (SELECT max(e2.year) FROM platform_evidence e2
                    WHERE e2.platform_id = ${platformId} AND e2.year BETWEEN ${year - 1} AND ${year})
      AND e.staff >= COALESCE(c.min_staff, ${d.minStaff})
      AND e.area_m2 >= COALESCE(c.min_area_m2, ${d.minAreaM2})
      AND e.equipment_fen >= COALESCE(c.min_equipment_fen, ${d.minEquipmentFen})
      AND e.rd_spending_fen >= COALESCE(c.min_rd_spending_fen, ${d.minRdSpendingFen})
      AND e.patents + e.standards + e.products + e.served_enterprises >= COALESCE(c.min_outputs, ${d.minOutputs}))`;
}
