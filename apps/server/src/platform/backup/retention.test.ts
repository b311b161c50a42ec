import { describe, expect, it } from 'vitest';
import { backupsToKeep, DEFAULT_RETENTION, parseRetention } from './retention.ts';

describe('backup retention (7 daily, 4 weekly, 12 monthly)', () => {
  // One backup a day at 02:00 China time for two years up to Sunday 29 November 2026.
  const end = Date.parse('2026-11-28T18:00:00Z');
  const daily = Array.from({ length: 730 }, (_, i) => ({ at: new Date(end - i * 86_400_000) }));
  const kept = [...backupsToKeep(daily, DEFAULT_RETENTION)].map((b) => b.at.toISOString().slice(0, 10));

  it('keeps the last 7 days, the newest of the last 4 weeks and of the last 12 months', () => {
    const days = kept.filter((d) => d >= '2026-11-22');
    expect(days).toHaveLength(7);
    // Weeks before this one: the newest backup of each week is its Sunday (the week starts on Monday).
    expect(kept).toEqual(expect.arrayContaining(['2026-11-21', '2026-11-14', '2026-11-07']));
    // Months: the newest backup of each month, back to December 2025.
    expect(kept).toEqual(expect.arrayContaining(['2026-10-30', '2026-09-29', '2025-12-30']));
    expect(kept).not.toContain('2025-11-29');
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
  });

  it('reads GAODI_BACKUP_KEEP and refuses nonsense', () => {
    expect(parseRetention('3,2,1')).toEqual({ daily: 3, weekly: 2, monthly: 1 });
    expect(parseRetention(undefined)).toEqual(DEFAULT_RETENTION);
    expect(() => parseRetention('7,x')).toThrow(/daily,weekly,monthly/);
  });
});
