import type { Clock } from '../platform/clock.ts';
import { chinaDay } from '../platform/jobs/jobs.ts';

/**
 * The demo tells one year of the article. It is written with the dates of the year it was first
 * told (2026, up to {@link TOLD_ON}; 2025 for what came before) and loaded into the year of the
 * clock, so a fresh start in any year shows that year's figures and nothing done lies in the future.
 */
export const STORY_YEAR = 2026;
/** The day the story was told: every date it records as done is on or before it, every date it plans is after. */
export const TOLD_ON = '2026-11-29';

const DAY_MS = 86_400_000;
const STORY_START = `${STORY_YEAR}-01-01`;

export type DemoCalendar = {
  /** The year the demo is loaded into (China's calendar year of the clock). */
  year: number;
  /** Today in China (YYYY-MM-DD). */
  today: string;
  /**
   * A day of the year's story, for records the year's figures count. The written year's days up to
   * {@link TOLD_ON} are spread over this year's days up to today (in order, none after today; on
   * 1 January all of them are today); the days before the written year keep their distance before
   * 1 January; planned days after TOLD_ON keep their distance after today.
   */
  day: (written: string) => string;
  /**
   * A day of a record the year's figures do not count (a lead, an intention, a shelved contact):
   * kept at its written distance from today, so a record written as quiet for months is quiet for
   * months on any date and its light is as red as written. May fall in last year.
   */
  ago: (written: string) => string;
  /** `day` at an hour in China, never after the clock's now. */
  at: (day: string, hour?: number) => Date;
  /** A text with the written years (2026 → this year, 2025 → last year), e.g. a title or contract number. */
  relabel: (text: string) => string;
};

/** Whole days from `from` to `to` (YYYY-MM-DD). */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The demo's calendar at the clock's now. */
export function demoCalendar(clock: Clock): DemoCalendar {
  const now = clock.now();
  const today = chinaDay(now);
  const year = Number(today.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const elapsed = daysBetween(yearStart, today);
  const told = daysBetween(STORY_START, TOLD_ON);
  const ago = (written: string) => addDays(today, daysBetween(TOLD_ON, written));
  const day = (written: string) => {
    if (written > TOLD_ON) return ago(written);
    const offset = daysBetween(STORY_START, written);
    if (offset < 0) return addDays(yearStart, offset);
    return addDays(yearStart, Math.floor((offset * elapsed) / told));
  };
  return {
    year,
    today,
    day,
    ago,
    at: (d, hour = 9) =>
      new Date(Math.min(now.getTime(), Date.parse(`${d}T${String(hour).padStart(2, '0')}:00:00+08:00`))),
    relabel: (text) => text.replace(/\b20(25|26)\b/g, (y) => String(year - (STORY_YEAR - Number(y)))),
  };
}
