/** How many backups to keep: the newest of each of the last `daily` days, `weekly` weeks, `monthly` months. */
export type Retention = { daily: number; weekly: number; monthly: number };

export const DEFAULT_RETENTION: Retention = { daily: 7, weekly: 4, monthly: 12 };

/** "7,4,12" (GAODI_BACKUP_KEEP) → a Retention; absent → the default. */
export function parseRetention(text: string | undefined): Retention {
  if (!text) return DEFAULT_RETENTION;
  const [daily, weekly, monthly] = text.split(',').map((n) => Number(n.trim()));
  const ok = (n: number | undefined): n is number => Number.isInteger(n) && (n as number) >= 0;
  if (!ok(daily) || !ok(weekly) || !ok(monthly))
    throw new Error(`GAODI_BACKUP_KEEP must be three counts "daily,weekly,monthly", not "${text}"`);
  return { daily, weekly, monthly };
}

const CHINA = 8 * 3_600_000;
const dayOf = (at: Date) => new Date(at.getTime() + CHINA).toISOString().slice(0, 10);
const monthOf = (at: Date) => dayOf(at).slice(0, 7);
/** The Monday (China time) of the week `at` falls in. */
function weekOf(at: Date): string {
  const d = new Date(at.getTime() + CHINA);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Which backups a rotation keeps (grandfather-father-son): for each bucket kind, the newest backup
 * of each of the newest N buckets that have one. The rest may be deleted.
 */
export function backupsToKeep<T extends { at: Date }>(backups: readonly T[], policy: Retention): Set<T> {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<T>();
  const pick = (bucketOf: (at: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const bucket = bucketOf(b.at);
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(b);
    }
  };
  pick(dayOf, policy.daily);
  pick(weekOf, policy.weekly);
  pick(monthOf, policy.monthly);
  return keep;
}
