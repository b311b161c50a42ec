import { type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { INDICATORS, type IndicatorDefinition, type Window } from '../indicators.definitions.ts';

/** Counts of the `perRegion` indicators, by region: `region → { code → count }`. */
export type RegionCounts = Map<string, Record<string, number>>;

/** The definitions whose figure may add up per-region counts. */
export const PER_REGION: readonly IndicatorDefinition[] = INDICATORS.filter((d) => d.perRegion);

/** Readers whose view of a region's counted rows is the region itself (gaodi_is_bureau_role()). */
const BUREAU_ROLES = new Set(['staff', 'taskforce_lead', 'helper', 'leader']);

/** One refresher at a time (pg_try_advisory_xact_lock: the others count live and never wait). */
const REFRESH_LOCK = 5_148_201;

export const usesRegionCounts = (ctx: UserContext): boolean => BUREAU_ROLES.has(ctx.scope.role);

const arrayOf = (codes: readonly string[]): SQL =>
  sql`ARRAY[${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;

/** Each `perRegion` definition's records query over `regions`, counted by region: one statement. */
export async function countLive(tx: Tx, w: Window, regions: readonly string[]): Promise<RegionCounts> {
  const out: RegionCounts = new Map(
    regions.map((r) => [r, Object.fromEntries(PER_REGION.map((d) => [d.code, 0]))]),
  );
  if (regions.length === 0) return out;
  const narrowed: Window = { ...w, regions: arrayOf(regions) };
  const parts = PER_REGION.map(
    (def) => sql`SELECT ${def.code}::text AS code, r.region_code, count(*)::int AS n
      FROM (${def.records(narrowed)}) r GROUP BY r.region_code`,
  );
  const rows = rowsOf<{ code: string; region_code: string; n: number }>(
    await tx.execute(sql.join(parts, sql` UNION ALL `)),
  );
  for (const r of rows) {
    const counts = out.get(r.region_code);
    if (counts) counts[r.code] = r.n;
  }
  return out;
}

/**
 * The `perRegion` counts of every region of the window: the stored ones where nothing changed
 * since they were counted, the definition queries run live over the others (stored for the next
 * reader when this transaction may write and no other reader is refreshing). See
 * docs/ARCHITECTURE.md, Indicators: a change committed meanwhile leaves its note for the next one.
 */
export async function countByRegion(tx: Tx, w: Window & { subtree: string[] }): Promise<RegionCounts> {
  const rows = rowsOf<{ code: string; counts: Record<string, number> | null; changed: boolean }>(
    await tx.execute(sql`
      SELECT s.code, c.counts,
             EXISTS (SELECT 1 FROM indicator_region_changes d WHERE d.region_code = s.code) AS changed
      FROM unnest(${arrayOf(w.subtree)}) AS s(code)
      LEFT JOIN indicator_region_counts c ON c.region_code = s.code AND c.year = ${w.year}`),
  );
  const out: RegionCounts = new Map();
  const stale: string[] = [];
  for (const r of rows) {
    if (r.counts && !r.changed) out.set(r.code, r.counts);
    else stale.push(r.code);
  }
  if (stale.length === 0) return out;
  const [may] = rowsOf<{ ok: boolean }>(
    await tx.execute(sql`
      SELECT current_setting('transaction_read_only') = 'off' AND pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS ok`),
  );
  // Notes deleted before counting: a change committed after this statement keeps its note.
  const changed = may?.ok
    ? rowsOf<{ region_code: string }>(
        await tx.execute(sql`
          DELETE FROM indicator_region_changes WHERE region_code = ANY(${arrayOf(stale)})
          RETURNING region_code`),
      ).map((r) => r.region_code)
    : [];
  const live = await countLive(tx, w, stale);
  for (const [code, counts] of live) out.set(code, counts);
  if (may?.ok) await store(tx, w.year, live, [...new Set(changed)]);
  return out;
}

/** Stores the year's fresh counts; a region that changed loses its other years' (recounted when read). */
async function store(tx: Tx, year: number, live: RegionCounts, changed: string[]) {
  if (changed.length > 0) {
    await tx.execute(sql`
      DELETE FROM indicator_region_counts WHERE region_code = ANY(${arrayOf(changed)}) AND year <> ${year}`);
  }
  await tx.execute(sql`
    INSERT INTO indicator_region_counts (region_code, year, counts, counted_at)
    SELECT e.key, ${year}, e.value, now() FROM jsonb_each(${JSON.stringify(Object.fromEntries(live))}::jsonb) e
    ON CONFLICT (region_code, year) DO UPDATE SET counts = excluded.counts, counted_at = excluded.counted_at`);
}

/** Each `perRegion` figure of the window: its regions' counts added up. */
export function sumCounts(counts: RegionCounts, regions?: readonly string[]): Map<string, number> {
  const sums = new Map<string, number>(PER_REGION.map((d) => [d.code, 0]));
  for (const code of regions ?? counts.keys()) {
    for (const [k, n] of Object.entries(counts.get(code) ?? {})) sums.set(k, (sums.get(k) ?? 0) + n);
  }
  return sums;
}
