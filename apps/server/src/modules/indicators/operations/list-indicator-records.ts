import type { IndicatorBreakdown, IndicatorCode, IndicatorRecords, IndicatorTrend } from '@gaodi/contracts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import type { IndicatorDefinition, Window } from '../indicators.definitions.ts';
import { definitionOf } from '../indicators.lookup.ts';
import { indicatorTargets } from '../indicators.table.ts';
import { countByRegion, type RegionCounts, sumCounts, usesRegionCounts } from './count-by-region.ts';
import { type RegionWindow, readWindow } from './read-window.ts';

/**
 * One page of a definition's records, newest first, each with the total. The region's name is
 * joined to the page only: joined before the limit it was looked up for every record counted
 * (a county's 1,447 signed projects: 24 of the query's 50 ms; bench:indicators --explain).
 */
export function recordsPageSql(
  def: IndicatorDefinition,
  w: Window,
  query: { month?: number; page: number; pageSize: number },
): SQL {
  const inMonth = query.month ? sql`WHERE extract(month FROM r.on::date) = ${query.month}` : sql``;
  return sql`
    SELECT p.*, g.name AS region_name
    FROM (
      SELECT r.*, count(*) OVER ()::int AS total FROM (${def.records(w)}) r
      ${inMonth}
      ORDER BY r.on DESC NULLS LAST, r.id
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
    ) p LEFT JOIN regions g ON g.code = p.region_code
    ORDER BY p.on DESC NULLS LAST, p.id`;
}

/** Exactly the records a figure counts (the same query), paged, newest first. */
export function listIndicatorRecords(
  { db }: { db: Database },
  ctx: UserContext,
  code: IndicatorCode,
  query: { year: number; region?: string; month?: number; page: number; pageSize: number },
): Promise<IndicatorRecords> {
  const def = definitionOf(code);
  return db.transaction(ctx.scope, async (tx) => {
    const w = await readWindow(tx, ctx, query.year, query.region);
    const rows = rowsOf<{
      id: string;
      title: string;
      on: string | null;
      region_code: string;
      region_name: string | null;
      href: string | null;
      total: number;
    }>(await tx.execute(recordsPageSql(def, w, query)));
    let total = rows[0]?.total;
    if (total === undefined) {
      const [n] = rowsOf<{ n: number }>(
        await tx.execute(sql`SELECT count(*)::int AS n FROM (${def.records(w)}) r`),
      );
      total = n?.n ?? 0;
    }
    return {
      code,
      name: def.name[ctx.lang],
      definition: def.definition[ctx.lang],
      year: query.year,
      region: w.regionCode,
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        on: r.on,
        regionCode: r.region_code,
        regionName: r.region_name ?? r.region_code,
        href: r.href,
      })),
    };
  });
}

/**
 * A figure's records counted by the regions directly below the window's region (and itself); from
 * the per-region counts when given and the definition is `perRegion` (count-by-region.ts).
 */
export async function breakdownIn(tx: Tx, def: IndicatorDefinition, w: RegionWindow, counts?: RegionCounts) {
  if (counts && def.perRegion) {
    const children = rowsOf<{ code: string; name: string; subtree: string[] }>(
      await tx.execute(sql`
        SELECT code, name, gaodi_region_subtree(code) AS subtree FROM regions WHERE parent_code = ${w.regionCode}
        UNION ALL SELECT code, name, ARRAY[code] FROM regions WHERE code = ${w.regionCode}`),
    );
    return children
      .map((c) => ({ code: c.code, name: c.name, value: sumCounts(counts, c.subtree).get(def.code) ?? 0 }))
      .sort((a, b) => b.value - a.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  return rowsOf<{ code: string; name: string; value: number }>(
    await tx.execute(sql`
      WITH counted AS (SELECT region_code, count(*)::int AS n FROM (${def.records(w)}) r GROUP BY region_code),
      children AS (
        SELECT code, name, gaodi_region_subtree(code) AS subtree FROM regions WHERE parent_code = ${w.regionCode}
        UNION ALL SELECT code, name, ARRAY[code] FROM regions WHERE code = ${w.regionCode}
      )
      SELECT c.code, c.name, coalesce(sum(k.n), 0)::int AS value
      FROM children c LEFT JOIN counted k ON k.region_code = ANY(c.subtree)
      GROUP BY c.code, c.name ORDER BY value DESC, c.code`),
  );
}

/**
 * A figure by the regions directly below the asked one: each row counts the records of that
 * region and everything below it, so the rows add up to the figure (records of the asked region
 * itself, if any, show as its own row).
 */
export function indicatorBreakdown(
  { db }: { db: Database },
  ctx: UserContext,
  code: IndicatorCode,
  query: { year: number; region?: string },
): Promise<IndicatorBreakdown> {
  const def = definitionOf(code);
  return db.transaction(ctx.scope, async (tx) => {
    const w = await readWindow(tx, ctx, query.year, query.region);
    const counts = def.perRegion && usesRegionCounts(ctx) ? await countByRegion(tx, w) : undefined;
    const rows = await breakdownIn(tx, def, w, counts);
    // Every row's target in one statement (one per row cost the province 17 round trips).
    const targets = new Map(
      (
        await tx
          .select({ region: indicatorTargets.regionCode, target: indicatorTargets.target })
          .from(indicatorTargets)
          .where(
            and(
              inArray(
                indicatorTargets.regionCode,
                rows.map((r) => r.code),
              ),
              eq(indicatorTargets.year, query.year),
              eq(indicatorTargets.code, code),
            ),
          )
      ).map((r) => [r.region, r.target]),
    );
    return {
      code,
      year: query.year,
      region: w.regionCode,
      rows: rows
        .filter((r) => r.code !== w.regionCode || r.value > 0)
        .map((r) => ({
          regionCode: r.code,
          regionName: r.name,
          value: r.value,
          target: targets.get(r.code) ?? null,
        })),
    };
  });
}

/** A figure month by month: its records grouped by the month of their date (12 rows, zeros kept). */
export function indicatorTrend(
  { db }: { db: Database },
  ctx: UserContext,
  code: IndicatorCode,
  query: { year: number; region?: string },
): Promise<IndicatorTrend> {
  const def = definitionOf(code);
  return db.transaction(ctx.scope, async (tx) => {
    const w = await readWindow(tx, ctx, query.year, query.region);
    const rows = rowsOf<{ month: number; value: number }>(
      await tx.execute(sql`
        SELECT m AS month, count(r.id)::int AS value
        FROM generate_series(1, 12) m
        LEFT JOIN (${def.records(w)}) r ON extract(month FROM r.on::date) = m
        GROUP BY m ORDER BY m`),
    );
    return { code, year: query.year, region: w.regionCode, months: rows };
  });
}
