/**
 * Working days (工作日) in China: Monday–Friday, except the public holidays an office loads, plus
 * the adjusted working days (调休) that fall on a weekend. `overrides` maps a day (YYYY-MM-DD) to
 * whether it is a working day; days not in it follow the week. Pure.
 */
export type WorkingCalendar = ReadonlyMap<string, boolean>;

const DAY_MS = 86_400_000;

export function nextDay(day: string, by = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  const set = calendar.get(day);
  if (set !== undefined) return set;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day `n` working days after `from` (the count starts the day after; n ≥ 1). */
export function addWorkingDays(from: string, n: number, calendar: WorkingCalendar): string {
  let day = from;
  let left = n;
  while (left > 0) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}

/** Calendar days to load so that `n` working days surely fit (long holidays included). */
export function spanFor(n: number): number {
  return Math.ceil(n * 1.6) + 30;
}
