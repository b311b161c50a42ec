import type { Indicators } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { INDICATORS } from '../indicators.definitions.ts';
import { countByRegion, usesRegionCounts } from './count-by-region.ts';
import { breakdownIn } from './list-indicator-records.ts';
import { indicatorsIn } from './list-indicators.ts';
import type { RegionWindow } from './read-window.ts';
import { readWindow } from './read-window.ts';

/** The figures of a region for the reports: live, the latest frozen month before, and by region. */
export type FigureSet = {
  w: RegionWindow;
  indicators: Indicators;
  /** The newest snapshot of the same year before `beforePeriod` (比上月), if any. */
  previous: { period: string; values: Map<string, number> } | null;
  /** The regions directly below (and the region itself when it holds records), with each figure. */
  byRegion: { code: string; name: string; values: Map<string, number> }[];
};

export async function latestSnapshotBefore(tx: Tx, region: string, year: number, beforePeriod: string) {
  const rows = rowsOf<{ period: string; code: string; value: number }>(
    await tx.execute(sql`
      SELECT period, code, value FROM indicator_snapshots
      WHERE region_code = ${region} AND period = (
        SELECT max(period) FROM indicator_snapshots
        WHERE region_code = ${region} AND period LIKE ${`${year}-%`} AND period < ${beforePeriod})`),
  );
  if (rows.length === 0) return null;
  return { period: rows[0]?.period ?? '', values: new Map(rows.map((r) => [r.code, r.value])) };
}

/** Everything the ledger and the briefing print, in the reader's transaction (RLS decides). */
export async function gatherFigures(
  tx: Tx,
  ctx: UserContext,
  now: Date,
  query: { year: number; region?: string; beforePeriod: string },
): Promise<FigureSet> {
  const w = await readWindow(tx, ctx, query.year, query.region);
  const indicators = await indicatorsIn(tx, ctx, now, query.year, w.regionCode);
  const previous = await latestSnapshotBefore(tx, w.regionCode, query.year, query.beforePeriod);
  const regions = new Map<string, { code: string; name: string; values: Map<string, number> }>();
  const counts = usesRegionCounts(ctx) ? await countByRegion(tx, w) : undefined;
  for (const def of INDICATORS) {
    for (const r of await breakdownIn(tx, def, w, counts)) {
      const row = regions.get(r.code) ?? { code: r.code, name: r.name, values: new Map() };
      row.values.set(def.code, r.value);
      regions.set(r.code, row);
    }
  }
  const byRegion = [...regions.values()]
    .filter((r) => r.code !== w.regionCode || [...r.values.values()].some((v) => v > 0))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { w, indicators, previous, byRegion };
}
