import { DEFAULT_TIME_LIMIT, SERVICE_KINDS, type TimeLimit } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { invalid } from '../../../platform/http/errors.ts';
import type { ConciergeDeps } from '../concierge.deps.ts';

/**
 * The office's terms: time limits per kind and the working calendar it loads per year (holidays
 * and 调休 working days, e.g. from the State Council's notice). Reads go through the same SQL
 * functions the requests use, so what the page shows is what the clock counts.
 */
async function readLimits(tx: Tx, regionCode: string) {
  const rows = rowsOf<{
    kind: string;
    accept_days: number;
    resolve_days: number;
    green_accept_days: number;
    green_resolve_days: number;
  }>(
    await tx.execute(sql`SELECT kind, accept_days, resolve_days, green_accept_days, green_resolve_days
      FROM service_time_limits WHERE region_code = ${regionCode}`),
  );
  return {
    limits: SERVICE_KINDS.map((kind) => {
      const r = rows.find((x) => x.kind === kind);
      return r
        ? {
            kind,
            acceptDays: r.accept_days,
            resolveDays: r.resolve_days,
            greenAcceptDays: r.green_accept_days,
            greenResolveDays: r.green_resolve_days,
            isDefault: false,
          }
        : { kind, ...DEFAULT_TIME_LIMIT, isDefault: true };
    }),
  };
}

export function getTimeLimits(deps: ConciergeDeps, ctx: UserContext) {
  return deps.db.transaction(ctx.scope, (tx) => readLimits(tx, ctx.user.activeRegionCode));
}

export function saveTimeLimits(deps: ConciergeDeps, ctx: UserContext, body: { limits: TimeLimit[] }) {
  const now = deps.clock.now();
  const region = ctx.user.activeRegionCode;
  const seen = new Set<string>();
  body.limits.forEach((l, i) => {
    if (seen.has(l.kind)) throw invalid([{ path: `limits.${i}.kind`, message: '类别重复' }], ctx.lang);
    seen.add(l.kind);
  });
  return deps.db.transaction(ctx.scope, async (tx) => {
    for (const l of body.limits) {
      await tx.execute(sql`INSERT INTO service_time_limits (region_code, kind, accept_days, resolve_days,
        green_accept_days, green_resolve_days, updated_at) VALUES (${region}, ${l.kind}, ${l.acceptDays}, ${l.resolveDays},
        ${l.greenAcceptDays}, ${l.greenResolveDays}, ${now.toISOString()})
        ON CONFLICT (region_code, kind) DO UPDATE SET accept_days = excluded.accept_days, resolve_days = excluded.resolve_days,
        green_accept_days = excluded.green_accept_days, green_resolve_days = excluded.green_resolve_days, updated_at = excluded.updated_at`);
    }
    await recordUserAction(tx, ctx, now, {
      action: 'update',
      targetType: 'service_time_limit',
      targetId: region,
      detail: body,
    });
    return readLimits(tx, region);
  });
}

async function readYear(tx: Tx, regionCode: string, year: number) {
  const days = rowsOf<{ day: string; is_working: boolean; name: string }>(
    await tx.execute(sql`SELECT day::text AS day, is_working, name FROM working_calendar_days
      WHERE region_code = ${regionCode} AND day BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date ORDER BY day`),
  );
  return { year, days: days.map((d) => ({ date: d.day, isWorking: d.is_working, name: d.name })) };
}

export function getCalendarYear(deps: ConciergeDeps, ctx: UserContext, year: number) {
  return deps.db.transaction(ctx.scope, (tx) => readYear(tx, ctx.user.activeRegionCode, year));
}

/** Replaces a year's calendar: each day must lie in the year, once; a weekday can only be a holiday, a weekend day only a 调休 working day. */
export function saveCalendarYear(
  deps: ConciergeDeps,
  ctx: UserContext,
  year: number,
  body: { days: { date: string; isWorking: boolean; name: string }[] },
) {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  body.days.forEach((d, i) => {
    const weekday = new Date(`${d.date}T00:00:00Z`).getUTCDay();
    const valid = !Number.isNaN(weekday) && new Date(`${d.date}T00:00:00Z`).toISOString().startsWith(d.date);
    if (!valid || !d.date.startsWith(`${year}-`))
      problems.push({ path: `days.${i}.date`, message: `日期应在 ${year} 年内` });
    else if (seen.has(d.date)) problems.push({ path: `days.${i}.date`, message: '日期重复' });
    else if (d.isWorking && weekday !== 0 && weekday !== 6)
      problems.push({ path: `days.${i}.isWorking`, message: '工作日本来就上班，只有周末可设为调休上班日' });
    else if (!d.isWorking && (weekday === 0 || weekday === 6))
      problems.push({ path: `days.${i}.isWorking`, message: '周末本来就休息，只有工作日可设为节假日' });
    seen.add(d.date);
  });
  if (problems.length > 0) throw invalid(problems, ctx.lang);
  const now = deps.clock.now();
  const region = ctx.user.activeRegionCode;
  return deps.db.transaction(ctx.scope, async (tx) => {
    await tx.execute(sql`DELETE FROM working_calendar_days WHERE region_code = ${region}
      AND day BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`);
    for (const d of body.days) {
      await tx.execute(sql`INSERT INTO working_calendar_days (region_code, day, is_working, name)
        VALUES (${region}, ${d.date}::date, ${d.isWorking}, ${d.name})`);
    }
    await recordUserAction(tx, ctx, now, {
      action: 'update',
      targetType: 'working_calendar',
      targetId: `${region}:${year}`,
      detail: { days: body.days.length },
    });
    return readYear(tx, region, year);
  });
}
