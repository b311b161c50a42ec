import { type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Window } from '../indicators.definitions.ts';

export type RegionWindow = Window & { regionCode: string; regionName: string; subtree: string[] };

/**
 * The year's window over a region the user sees and every region below it. A region outside the
 * user's view is refused (404, as if it did not exist), so a county never reads a sibling's figures.
 */
export async function readWindow(
  tx: Tx,
  ctx: UserContext,
  year: number,
  region: string | undefined,
): Promise<RegionWindow> {
  const regionCode = region ?? ctx.user.activeRegionCode;
  if (!ctx.user.visibleRegions.includes(regionCode)) {
    throw new AppError(404, 'NOT_FOUND', '该区域不存在或无权查看');
  }
  const [row] = rowsOf<{ name: string; subtree: string[] }>(
    await tx.execute(
      sql`SELECT name, gaodi_region_subtree(code) AS subtree FROM regions WHERE code = ${regionCode}`,
    ),
  );
  const subtree = row?.subtree ?? [regionCode];
  const regions: SQL = sql`ARRAY[${sql.join(
    subtree.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  return {
    regionCode,
    regionName: row?.name ?? regionCode,
    subtree,
    year,
    from: `${year}-01-01`,
    to: `${year + 1}-01-01`,
    regions,
  };
}

/** Share of the year elapsed by `today` (China time): 1 for past years, 0 for future ones. */
export function elapsedShare(year: number, now: Date): number {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const current = china.getUTCFullYear();
  if (year < current) return 1;
  if (year > current) return 0;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const today = Date.UTC(current, china.getUTCMonth(), china.getUTCDate()) + 86_400_000;
  return Math.min(1, (today - start) / (end - start));
}
