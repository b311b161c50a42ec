import type { Indicator, IndicatorCode, IndicatorLight, Indicators } from '@gaodi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import { INDICATORS, type IndicatorDefinition } from '../indicators.definitions.ts';
import { indicatorTargets } from '../indicators.table.ts';
import { countByRegion, sumCounts, usesRegionCounts } from './count-by-region.ts';
import { elapsedShare, type RegionWindow, readWindow } from './read-window.ts';

/**
 * Behind when under the part of the target expected by today: yellow under 100 %, red under 80 %
 * of that part. No target, no light.
 */
export function lightOf(value: number, expected: number | null): IndicatorLight {
  if (expected === null) return 'none';
  if (value >= expected) return 'green';
  return value >= expected * 0.8 ? 'yellow' : 'red';
}

/** The figure of one definition: the count of its records query. */
export async function countRecords(tx: Tx, def: IndicatorDefinition, w: RegionWindow): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT count(*)::int AS n FROM (${def.records(w)}) r`),
  );
  return row?.n ?? 0;
}

export async function targetsOf(
  tx: Tx,
  regionCode: string,
  year: number,
): Promise<Map<IndicatorCode, number>> {
  const rows = await tx
    .select({ code: indicatorTargets.code, target: indicatorTargets.target })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.regionCode, regionCode), eq(indicatorTargets.year, year)));
  return new Map(rows.map((r) => [r.code as IndicatorCode, r.target]));
}

/** Every indicator of a region (and the regions below it) for a year, in the user's transaction. */
export async function indicatorsIn(
  tx: Tx,
  ctx: UserContext,
  now: Date,
  year: number,
  region: string | undefined,
): Promise<Indicators> {
  const w = await readWindow(tx, ctx, year, region);
  const targets = await targetsOf(tx, w.regionCode, year);
  const share = elapsedShare(year, now);
  const lang = ctx.lang;
  const indicators: Indicator[] = [];
  // The per-region counts stand for the definition queries where they may (count-by-region.ts).
  const summed = usesRegionCounts(ctx) ? sumCounts(await countByRegion(tx, w)) : new Map<string, number>();
  for (const def of INDICATORS) {
    const stored = def.perRegion ? summed.get(def.code) : undefined;
    const value = stored ?? (await countRecords(tx, def, w));
    const target = targets.get(def.code) ?? null;
    const expected = target === null ? null : Math.round(target * share * 10) / 10;
    indicators.push({
      code: def.code,
      name: def.name[lang],
      unit: def.unit[lang],
      value,
      target,
      progress: target ? Math.round((value / target) * 1000) / 10 : null,
      expected,
      light: lightOf(value, expected),
      definition: def.definition[lang],
      recordKind: def.recordKind[lang],
    });
  }
  return { year, region: w.regionCode, regionName: w.regionName, indicators };
}

export function listIndicators(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  query: { year: number; region?: string },
): Promise<Indicators> {
  return db.transaction(ctx.scope, (tx) => indicatorsIn(tx, ctx, clock.now(), query.year, query.region));
}
