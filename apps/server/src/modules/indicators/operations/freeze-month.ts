import type { FreezeMonthResult } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { claimJobRun, finishJobRun, type ScheduledJob } from '../../../platform/jobs/jobs.ts';
import { INDICATORS, type Window } from '../indicators.definitions.ts';

export const SNAPSHOT_JOB = 'indicators.snapshot';

/** YYYY-MM of an instant in China time. */
export function chinaMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** The month before `period` (YYYY-MM). */
export function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The year and the first day after the month: a snapshot counts the year up to there. */
export function monthWindow(period: string): { year: number; from: string; to: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { year: y, from: `${y}-01-01`, to };
}

const arrayOf = (codes: string[]): SQL =>
  sql`ARRAY[${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;

/**
 * Freezes one top-level region's tree for a month, in the owner transaction that claimed it: every
 * indicator's records (dated up to the month end; yearly facts of the month's year) once each, then
 * each region's figure as the count of the records in its subtree, beside its target.
 */
async function freezeTree(tx: Tx, root: string, period: string, now: Date) {
  const [tree] = rowsOf<{ subtree: string[] }>(
    await tx.execute(sql`SELECT gaodi_region_subtree(${root}) AS subtree`),
  );
  const subtree = tree?.subtree ?? [root];
  const w: Window = { ...monthWindow(period), regions: arrayOf(subtree) };
  let records = 0;
  for (const def of INDICATORS) {
    const inserted = rowsOf<{ n: number }>(
      await tx.execute(sql`
        WITH ins AS (
          INSERT INTO indicator_snapshot_records (region_code, period, code, record_id, title, "on", href)
          SELECT r.region_code, ${period}, ${def.code}, r.id, r.title, r.on::date, r.href
          FROM (${def.records(w)}) r
          RETURNING 1)
        SELECT count(*)::int AS n FROM ins`),
    );
    records += inserted[0]?.n ?? 0;
  }
  const codes = INDICATORS.map((d) => d.code);
  // Each region's figure is the sum of the counts of the regions in its subtree: one join of the
  // counts with the tree's (region, region below or itself) pairs, grouped — set-based. (A
  // correlated sum per region and code scanned every count once per region and code: 14 min for
  // a province; see bench:indicators.)
  await tx.execute(sql`
    WITH counted AS (
      SELECT code, region_code, count(*)::int AS n FROM indicator_snapshot_records
      WHERE period = ${period} AND region_code = ANY(${w.regions}) GROUP BY code, region_code),
    below AS (
      SELECT r.code AS region, unnest(gaodi_region_subtree(r.code)) AS member
      FROM regions r WHERE r.code = ANY(${w.regions})),
    summed AS (
      SELECT b.region, k.code, sum(k.n)::int AS n FROM below b JOIN counted k ON k.region_code = b.member
      GROUP BY b.region, k.code)
    INSERT INTO indicator_snapshots (region_code, period, code, value, target, taken_at)
    SELECT t.code, ${period}, c.code, coalesce(s.n, 0), g.target, ${now.toISOString()}::timestamptz
    FROM regions t CROSS JOIN unnest(${arrayOf(codes)}) AS c(code)
    LEFT JOIN summed s ON s.region = t.code AND s.code = c.code
    LEFT JOIN indicator_targets g ON g.region_code = t.code AND g.year = ${w.year} AND g.code = c.code
    WHERE t.code = ANY(${w.regions})`);
  return { regions: subtree.length, records };
}

/**
 * Freezes a month that has ended for every top-level region not yet frozen (each in its own owner
 * transaction that first claims (job, region, month): once across processes, never twice). A past
 * month frozen late counts the records dated within it as they stand now: the best the records
 * allow; a frozen month is never recomputed.
 */
export async function freezeMonth(
  { db, clock }: { db: Database; clock: Clock },
  period: string,
): Promise<FreezeMonthResult> {
  const now = clock.now();
  if (period >= chinaMonth(now)) throw new AppError(400, 'BAD_PERIOD', '只能冻结已结束的月份');
  const roots = rowsOf<{ code: string }>(
    await db.owner.execute(sql`SELECT code FROM regions WHERE parent_code IS NULL ORDER BY code`),
  );
  const result = { period, frozen: 0, skipped: 0 };
  for (const { code } of roots) {
    await db.owner.transaction(async (tx) => {
      if (!(await claimJobRun(tx, SNAPSHOT_JOB, code, period, now))) {
        result.skipped++;
        return;
      }
      const detail = await freezeTree(tx, code, period, now);
      await finishJobRun(tx, SNAPSHOT_JOB, code, period, clock.now(), detail);
      result.frozen++;
    });
  }
  return result;
}

/** The month-end job: tries every hour; freezes the month just ended (China time), once. */
export function snapshotJob(deps: { db: Database; clock: Clock }): ScheduledJob {
  return {
    name: SNAPSHOT_JOB,
    everyMs: 60 * 60_000,
    run: () => freezeMonth(deps, previousMonth(chinaMonth(deps.clock.now()))),
  };
}
