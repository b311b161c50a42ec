import { describe, expect, it } from 'vitest';
import { createManualClock } from '../platform/clock.ts';
import { demoCalendar, TOLD_ON } from './demo-calendar.ts';

const at = (iso: string) => demoCalendar(createManualClock(new Date(iso)));

/** Every day of the written year up to the day it was told, in order. */
const storyDays = (() => {
  const days: string[] = [];
  for (let d = Date.parse('2026-01-01T00:00:00Z'); d <= Date.parse(`${TOLD_ON}T00:00:00Z`); d += 86_400_000)
    days.push(new Date(d).toISOString().slice(0, 10));
  return days;
})();

describe('the demo calendar', () => {
  it('on the day the story was told, every date is as written', () => {
    const cal = at('2026-11-29T02:00:00Z');
    expect(cal.year).toBe(2026);
    expect(['2026-01-16', '2026-08-21', '2025-12-18', '2026-12-20'].map(cal.day)).toEqual([
      '2026-01-16',
      '2026-08-21',
      '2025-12-18',
      '2026-12-20',
    ]);
    expect(cal.ago('2026-07-05')).toBe('2026-07-05');
    expect(cal.relabel('2026年金乡县产学研合作签约仪式 JX-HZ-2025-011')).toBe(
      '2026年金乡县产学研合作签约仪式 JX-HZ-2025-011',
    );
  });

  // 10:00 in China on each day; the last one is 23:30 on New Year's Eve, 15:30 UTC.
  const instants = [
    ['2027-01-01T00:10:00+08:00', '2027-01-01'],
    ['2027-01-02T10:00:00+08:00', '2027-01-02'],
    ['2027-03-15T10:00:00+08:00', '2027-03-15'],
    ['2028-02-29T10:00:00+08:00', '2028-02-29'],
    ['2027-12-31T23:30:00+08:00', '2027-12-31'],
  ] as const;

  it.each(instants)(
    'at %s, the written year lies in this year, in order, none of it after today',
    (iso, today) => {
      const cal = at(iso);
      expect(cal.today).toBe(today);
      const mapped = storyDays.map(cal.day);
      expect(mapped[0]).toBe(`${cal.year}-01-01`);
      expect(mapped.at(-1)).toBe(today);
      expect(mapped.every((d) => d.startsWith(`${cal.year}-`) && d <= today)).toBe(true);
      expect([...mapped].sort()).toEqual(mapped);
    },
  );

  it.each(instants)('at %s, last year stays last year and planned days stay ahead', (iso, today) => {
    const cal = at(iso);
    expect(cal.day('2025-12-18')).toBe(`${cal.year - 1}-12-18`);
    expect(cal.day('2025-06-10')).toBe(`${cal.year - 1}-06-10`);
    expect(cal.day('2026-12-20') > today).toBe(true);
    expect(cal.day('2026-11-30') > today).toBe(true);
  });

  it('keeps a quiet record quiet for as long as written, across New Year', () => {
    const cal = at('2027-01-02T10:00:00+08:00');
    expect(cal.ago('2026-07-05')).toBe('2026-08-08'); // 147 days before today, as on the day told
    expect(cal.ago('2026-12-05')).toBe('2027-01-08'); // a planned next step stays 6 days ahead
  });

  it('never times anything done after now', () => {
    const cal = at('2027-01-02T08:30:00+08:00');
    expect(cal.at('2027-01-02', 17).toISOString()).toBe('2027-01-02T00:30:00.000Z');
    expect(cal.at('2027-01-01', 17).toISOString()).toBe('2027-01-01T09:00:00.000Z');
  });

  it('writes titles and contract numbers in this year and last year', () => {
    const cal = at('2027-03-15T10:00:00+08:00');
    expect(cal.relabel('2026年金乡县产学研合作签约仪式')).toBe('2027年金乡县产学研合作签约仪式');
    expect(cal.relabel('JX-HZ-2026-001 / JX-HZ-2025-011')).toBe('JX-HZ-2027-001 / JX-HZ-2026-011');
  });
});
