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
 * SQL: the platform `p` (a `platforms` alias) operates in `year` — its newest evidence of `year`
 * or the year before meets its region's criteria (or the defaults). Judged on write: the evidence
 * and criteria triggers (migration 0029) keep `operating_years`, so lists, filters and figures read
 * one indexed column (the same rule as `shortfallsOf`; a test checks they agree).
 */
export function isOperatingSql(year: number, p: SQL = sql`p`): SQL {
  return sql`(${p}.operating_years @> ARRAY[${year}::int])`;
}
