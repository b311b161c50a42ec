import type {
  IndicatorCode,
  Snapshot,
  SnapshotList,
  SnapshotRecordSet,
  SnapshotRecords,
} from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { INDICATORS, type IndicatorDefinition } from '../indicators.definitions.ts';
import { definitionOf } from '../indicators.lookup.ts';
import { monthWindow } from './freeze-month.ts';
import { type RegionWindow, readWindow } from './read-window.ts';

type Deps = { db: Database };

/** The months frozen for a region the user sees, newest first. */
export function listSnapshots(
  { db }: Deps,
  ctx: UserContext,
  query: { region?: string },
): Promise<SnapshotList> {
  return db.transaction(ctx.scope, async (tx) => {
    const w = await readWindow(tx, ctx, 2000, query.region);
    const rows = rowsOf<{ period: string; taken_at: string }>(
      await tx.execute(sql`
        SELECT period, min(taken_at)::text AS taken_at FROM indicator_snapshots
        WHERE region_code = ${w.regionCode} GROUP BY period ORDER BY period DESC`),
    );
    return {
      region: w.regionCode,
      items: rows.map((r) => ({ period: r.period, takenAt: new Date(r.taken_at).toISOString() })),
    };
  });
}

/**
 * The records of one set, as SQL selecting (id, title, on, region_code, href): frozen ones from the
 * snapshot; added and late ones counted now but not frozen (dated after the month, or not);
 * removed ones frozen but no longer counted. The live side runs the indicator's one query.
 */
function setSql(def: IndicatorDefinition, w: RegionWindow, period: string, set: SnapshotRecordSet): SQL {
  const frozen = sql`SELECT s.record_id AS id, s.title, s.on::text AS on, s.region_code, s.href
    FROM indicator_snapshot_records s
    WHERE s.period = ${period} AND s.code = ${def.code} AND s.region_code = ANY(${w.regions})`;
  if (set === 'frozen') return frozen;
  const to = monthWindow(period).to;
  if (set === 'removed')
    return sql`SELECT f.* FROM (${frozen}) f WHERE NOT EXISTS (SELECT 1 FROM (${def.records(w)}) l WHERE l.id = f.id)`;
  const dated =
    set === 'added' ? sql`l.on::date >= ${to}::date` : sql`(l.on IS NULL OR l.on::date < ${to}::date)`;
  return sql`SELECT l.id, l.title, l.on, l.region_code, l.href FROM (${def.records(w)}) l
    WHERE ${dated} AND NOT EXISTS (SELECT 1 FROM (${frozen}) f WHERE f.id = l.id)`;
}

const countOf = async (tx: Tx, q: SQL) =>
  rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM (${q}) x`))[0]?.n ?? 0;

/** A month's frozen figures beside the live ones, with the difference in records. */
export function getSnapshot(
  { db }: Deps,
  ctx: UserContext,
  query: { period: string; region?: string },
): Promise<Snapshot> {
  return db.transaction(ctx.scope, async (tx) => {
    const { year, to } = monthWindow(query.period);
    const w = await readWindow(tx, ctx, year, query.region);
    const rows = rowsOf<{ code: IndicatorCode; value: number; target: number | null; taken_at: string }>(
      await tx.execute(sql`
        SELECT code, value, target, taken_at::text AS taken_at FROM indicator_snapshots
        WHERE region_code = ${w.regionCode} AND period = ${query.period}`),
    );
    if (rows.length === 0) throw new AppError(404, 'NOT_FOUND', '该月份尚无快照');
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const figures: Snapshot['figures'] = [];
    for (const def of INDICATORS) {
      const frozen = byCode.get(def.code);
      if (!frozen) continue;
      const count = (set: SnapshotRecordSet) => countOf(tx, setSql(def, w, query.period, set));
      figures.push({
        code: def.code,
        name: def.name[ctx.lang],
        unit: def.unit[ctx.lang],
        frozen: frozen.value,
        target: frozen.target,
        live: await countOf(tx, def.records(w)),
        added: await count('added'),
        late: await count('late'),
        removed: await count('removed'),
      });
    }
    const takenAt = new Date(rows[0]?.taken_at ?? 0);
    const monthEnd = Date.parse(`${to}T00:00:00+08:00`);
    return {
      period: query.period,
      year,
      region: w.regionCode,
      regionName: w.regionName,
      takenAt: takenAt.toISOString(),
      isLate: takenAt.getTime() - monthEnd > 86_400_000,
      figures,
    };
  });
}

/** The records of a snapshot's set (frozen, added, late, removed), paged, newest first. */
export function listSnapshotRecords(
  { db }: Deps,
  ctx: UserContext,
  code: IndicatorCode,
  query: { period: string; region?: string; set: SnapshotRecordSet; page: number; pageSize: number },
): Promise<SnapshotRecords> {
  const def = definitionOf(code);
  return db.transaction(ctx.scope, async (tx) => {
    const w = await readWindow(tx, ctx, monthWindow(query.period).year, query.region);
    const q = setSql(def, w, query.period, query.set);
    const rows = rowsOf<{
      id: string;
      title: string;
      on: string | null;
      region_code: string;
      region_name: string | null;
      href: string | null;
    }>(
      await tx.execute(sql`
        SELECT r.*, g.name AS region_name FROM (${q}) r LEFT JOIN regions g ON g.code = r.region_code
        ORDER BY r.on DESC NULLS LAST, r.id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`),
    );
    return {
      code,
      period: query.period,
      set: query.set,
      total: await countOf(tx, q),
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
