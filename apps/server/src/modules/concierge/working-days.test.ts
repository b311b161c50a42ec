import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './working-days.ts';

describe('working days', () => {
  // National Day week as published for 2026-style calendars: 1–7 Oct off, Sat 10 Oct worked (调休).
  const calendar = new Map<string, boolean>([
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2030-10-${d}`, false] as [string, boolean]),
    ['2030-10-12', true],
  ]);

  it('skips weekends and holidays, counts a 调休 Saturday', () => {
    expect(isWorkingDay('2030-10-12', calendar)).toBe(true); // Saturday worked
    expect(isWorkingDay('2030-10-02', calendar)).toBe(false); // Wednesday off
    // From Monday 30 Sep 2030: Tue 1 Oct … Mon 7 Oct off, Tue 8 is the 1st working day.
    expect(addWorkingDays('2030-09-30', 1, calendar)).toBe('2030-10-08');
    // 8, 9, 10, 11 (Fri), 12 (Sat, 调休) → 5 working days end on the Saturday.
    expect(addWorkingDays('2030-09-30', 5, calendar)).toBe('2030-10-12');
    expect(addWorkingDays('2030-09-30', 6, calendar)).toBe('2030-10-14');
  });

  it('without a calendar, a Friday plus one is the Monday', () => {
    expect(addWorkingDays('2030-10-18', 1, new Map())).toBe('2030-10-21');
  });
});
