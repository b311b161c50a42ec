import type { IndicatorCode } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { INDICATORS } from '../indicators.definitions.ts';
import { monthWindow } from './freeze-month.ts';
import { latestSnapshotBefore } from './gather-figures.ts';
import { breakdownIn } from './list-indicator-records.ts';
import { indicatorsIn } from './list-indicators.ts';
import { readWindow } from './read-window.ts';

export type BriefingFigure = {
  code: IndicatorCode;
  name: string;
  unit: string;
  value: number;
  target: number | null;
  change: number | null;
  definition: string;
};

/** What a 工作专报 prints: every number from records or from the month's snapshot. */
export type BriefingData = {
  regionName: string;
  year: number;
  /** The last month covered; the first month of the highlights (the month, or the quarter's first). */
  endMonth: number;
  fromMonth: number;
  quarter: number | null;
  /** The frozen month-end snapshot, when taken; else the live figures of today. */
  isFrozen: boolean;
  previousPeriod: string | null;
  figures: BriefingFigure[];
  byRegion: { name: string; values: Map<string, number> }[];
  highlights: { code: IndicatorCode; name: string; titles: string[] }[];
  red: { itemType: string; n: number }[];
  overdue: { content: string; owner: string; deadline: string }[];
};

const HIGHLIGHTS: IndicatorCode[] = [
  'signed_projects',
  'projects_landed',
  'institutes_recruited',
  'platforms_operating',
];
const pad = (m: number) => String(m).padStart(2, '0');

/** The frozen figures (or live ones) of each region directly below, for the table by region. */
async function regionsOf(
  tx: Tx,
  w: Awaited<ReturnType<typeof readWindow>>,
  period: string,
  isFrozen: boolean,
) {
  const rows = new Map<string, { name: string; values: Map<string, number> }>();
  if (isFrozen) {
    const frozen = rowsOf<{ code: string; name: string; ind: string; value: number }>(
      await tx.execute(sql`
        SELECT g.code, g.name, s.code AS ind, s.value FROM indicator_snapshots s JOIN regions g ON g.code = s.region_code
        WHERE s.period = ${period} AND g.parent_code = ${w.regionCode} ORDER BY g.code`),
    );
    for (const r of frozen) {
      const row = rows.get(r.code) ?? { name: r.name, values: new Map() };
      row.values.set(r.ind, r.value);
      rows.set(r.code, row);
    }
  } else {
    for (const def of INDICATORS)
      for (const r of await breakdownIn(tx, def, w)) {
        if (r.code === w.regionCode) continue;
        const row = rows.get(r.code) ?? { name: r.name, values: new Map() };
        row.values.set(def.code, r.value);
        rows.set(r.code, row);
      }
  }
  return [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
}

async function highlightsOf(
  tx: Tx,
  w: Awaited<ReturnType<typeof readWindow>>,
  period: string,
  from: string,
  isFrozen: boolean,
) {
  const out: BriefingData['highlights'] = [];
  const { to } = monthWindow(period);
  for (const code of HIGHLIGHTS) {
    const def = INDICATORS.find((d) => d.code === code);
    if (!def) continue;
    const source: SQL = isFrozen
      ? sql`SELECT title, "on"::text AS on FROM indicator_snapshot_records
            WHERE period = ${period} AND code = ${code} AND region_code = ANY(${w.regions})`
      : sql`SELECT l.title, l.on FROM (${def.records(w)}) l`;
    const rows = rowsOf<{ title: string }>(
      await tx.execute(sql`SELECT r.title FROM (${source}) r
        WHERE r.on IS NULL OR (r.on::date >= ${from}::date AND r.on::date < ${to}::date) ORDER BY r.on, r.title`),
    );
    out.push({ code, name: def.name.zh, titles: rows.map((r) => r.title) });
  }
  return out;
}

async function problemsOf(tx: Tx, w: Awaited<ReturnType<typeof readWindow>>, today: string) {
  const red = rowsOf<{ itemType: string; n: number }>(
    await tx.execute(sql`SELECT item_type AS "itemType", count(*)::int AS n FROM supervision_lights
      WHERE light = 'red' AND region_code = ANY(${w.regions}) GROUP BY item_type ORDER BY item_type`),
  );
  const overdue = rowsOf<{ content: string; owner: string; deadline: string }>(
    await tx.execute(sql`SELECT content, owner_department AS owner, deadline::text AS deadline FROM roundtable_decisions
      WHERE stage IN ('open', 'proof_submitted') AND deadline < ${today}::date AND region_code = ANY(${w.regions})
      ORDER BY deadline LIMIT 20`),
  );
  return { red, overdue };
}

/** Gathers a monthly or quarterly briefing for a region the user sees, in the user's transaction. */
export async function gatherBriefing(
  tx: Tx,
  ctx: UserContext,
  now: Date,
  query: { period: string; kind: 'monthly' | 'quarterly'; region?: string },
): Promise<BriefingData> {
  const [year, month] = query.period.split('-').map(Number) as [number, number];
  const quarter = query.kind === 'quarterly' ? Math.ceil(month / 3) : null;
  const endMonth = quarter ? quarter * 3 : month;
  const fromMonth = quarter ? endMonth - 2 : endMonth;
  const period = `${year}-${pad(endMonth)}`;
  const w = await readWindow(tx, ctx, year, query.region);
  const frozen = rowsOf<{ code: string; value: number }>(
    await tx.execute(
      sql`SELECT code, value FROM indicator_snapshots WHERE region_code = ${w.regionCode} AND period = ${period}`,
    ),
  );
  const isFrozen = frozen.length > 0;
  const frozenOf = new Map(frozen.map((r) => [r.code, r.value]));
  const live = await indicatorsIn(tx, ctx, now, year, w.regionCode);
  const before = quarter ? `${year}-${pad(fromMonth)}` : period;
  const previous = await latestSnapshotBefore(tx, w.regionCode, year, before);
  const figures = live.indicators.map((i) => {
    const value = frozenOf.get(i.code) ?? i.value;
    const p = previous?.values.get(i.code);
    return {
      code: i.code,
      name: i.name,
      unit: i.unit,
      value,
      target: i.target,
      definition: i.definition,
      change: p === undefined ? null : value - p,
    };
  });
  const from = `${year}-${pad(fromMonth)}-01`;
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    regionName: w.regionName,
    year,
    endMonth,
    fromMonth,
    quarter,
    isFrozen,
    previousPeriod: previous?.period ?? null,
    figures,
    byRegion: await regionsOf(tx, w, period, isFrozen),
    highlights: await highlightsOf(tx, w, period, from, isFrozen),
    ...(await problemsOf(tx, w, today)),
  };
}
