import { DEFAULT_TIME_LIMIT, type ServiceKind } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../platform/db/database.ts';
import { addWorkingDays, nextDay, spanFor } from './working-days.ts';

/** A region's time limit for a kind, through the one reader (SQL function), defaults otherwise. */
export async function timeLimitOf(tx: Tx, regionCode: string, kind: ServiceKind) {
  const [row] = rowsOf<{
    accept_days: number;
    resolve_days: number;
    green_accept_days: number;
    green_resolve_days: number;
  }>(await tx.execute(sql`SELECT * FROM gaodi_service_time_limit(${regionCode}, ${kind})`));
  if (!row) return DEFAULT_TIME_LIMIT;
  return {
    acceptDays: row.accept_days,
    resolveDays: row.resolve_days,
    greenAcceptDays: row.green_accept_days,
    greenResolveDays: row.green_resolve_days,
  };
}

/** The region's calendar overrides from `from` on, enough for `n` working days. */
export async function calendarFrom(tx: Tx, regionCode: string, from: string, n: number) {
  const to = nextDay(from, spanFor(n));
  const rows = rowsOf<{ day: string | Date; is_working: boolean }>(
    await tx.execute(
      sql`SELECT day::text AS day, is_working FROM gaodi_working_calendar(${regionCode}, ${from}::date, ${to}::date)`,
    ),
  );
  return new Map(rows.map((r) => [String(r.day).slice(0, 10), r.is_working]));
}

/** `n` working days after `from` in the region's calendar. */
export async function workingDaysAfter(tx: Tx, regionCode: string, from: string, n: number) {
  return addWorkingDays(from, n, await calendarFrom(tx, regionCode, from, n));
}

/** Due days of a new request: accept within N working days, resolve M working days after that. */
export async function dueDatesOf(
  tx: Tx,
  regionCode: string,
  kind: ServiceKind,
  isGreenChannel: boolean,
  today: string,
) {
  const limit = await timeLimitOf(tx, regionCode, kind);
  const acceptDays = isGreenChannel ? limit.greenAcceptDays : limit.acceptDays;
  const resolveDays = isGreenChannel ? limit.greenResolveDays : limit.resolveDays;
  const acceptDueOn = await workingDaysAfter(tx, regionCode, today, acceptDays);
  const resolveDueOn = await workingDaysAfter(tx, regionCode, acceptDueOn, resolveDays);
  return { acceptDueOn, resolveDueOn, resolveDays };
}
