/** China time has no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Quiet hours [from, to) in minutes of the China day (from > to spans midnight, e.g. 22:00–07:00 =
 * 1320–420). Inside them: the end of the quiet hours; outside (or from = to: none): null.
 */
export function quietUntil(at: Date, from: number, to: number): Date | null {
  if (from === to) return null;
  const local = at.getTime() + CHINA_OFFSET_MS;
  const minute = Math.floor((local % DAY_MS) / 60_000);
  const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inside) return null;
  const dayStart = local - (local % DAY_MS);
  let end = dayStart + to * 60_000;
  if (end <= local) end += DAY_MS;
  return new Date(end - CHINA_OFFSET_MS);
}
