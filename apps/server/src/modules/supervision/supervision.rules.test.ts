import { DEFAULT_SUPERVISION_RULES as rules } from '@gaodi/contracts';
import { describe, expect, it } from 'vitest';
import { computeLight, daysBetween, type SupervisedItem } from './supervision.rules.ts';

const base: SupervisedItem = {
  itemType: 'recruitment',
  id: '00000000-0000-4000-8000-000000000001',
  regionCode: '370828',
  title: '测试院所',
  link: '/recruitment/1',
  ownerId: null,
  leadId: null,
  isActive: true,
  isGreenChannel: false,
  lastActivityOn: '2026-01-01',
  earliestOpenDueOn: null,
  nextDate: null,
};
const dayAfter = (start: string, n: number) =>
  new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const lightAt = (item: Partial<SupervisedItem>, days: number, from = '2026-01-01') =>
  computeLight({ ...base, ...item }, rules, dayAfter(from, days)).light;

describe('computeLight: days without a ledger entry', () => {
  it.each([
    [0, 'green'],
    [29, 'green'],
    [30, 'yellow'],
    [59, 'yellow'],
    [60, 'red'],
    [400, 'red'],
  ])('day %i → %s', (days, light) => {
    expect(lightAt({}, days)).toBe(light);
  });

  it.each([
    [14, 'green'],
    [15, 'yellow'],
    [29, 'yellow'],
    [30, 'red'],
  ])('green channel halves the thresholds: day %i → %s', (days, light) => {
    expect(lightAt({ isGreenChannel: true }, days)).toBe(light);
  });
});

describe('computeLight: milestones and next dates', () => {
  const due = { earliestOpenDueOn: '2026-01-01', lastActivityOn: '2026-01-01' };
  it.each([
    [0, 'green'],
    [1, 'yellow'],
    [14, 'yellow'],
    [15, 'red'],
  ])('a milestone %i days past its due day → %s', (days, light) => {
    expect(
      computeLight(
        { ...base, ...due, lastActivityOn: dayAfter('2026-01-01', days) },
        rules,
        dayAfter('2026-01-01', days),
      ).light,
    ).toBe(light);
  });

  it('green channel turns an overdue milestone red after 7 days instead of 15', () => {
    const item = { ...base, ...due, isGreenChannel: true, lastActivityOn: '2026-01-08' };
    expect(computeLight(item, rules, '2026-01-07').light).toBe('yellow');
    expect(computeLight(item, rules, '2026-01-08').light).toBe('red');
  });

  it('a passed next date is yellow, on the day itself still green', () => {
    const item = { ...base, lastActivityOn: '2026-03-01', nextDate: '2026-03-10' };
    expect(computeLight(item, rules, '2026-03-10').light).toBe('green');
    const late = computeLight(item, rules, '2026-03-11');
    expect(late.light).toBe('yellow');
    expect(late.reasons.map((r) => r.code)).toEqual(['next_date_passed']);
  });

  it('lists every reason and lets the worst win; inactive items are not supervised', () => {
    const item = {
      ...base,
      lastActivityOn: '2026-01-20',
      earliestOpenDueOn: '2026-02-01',
      nextDate: '2026-01-25',
    };
    const result = computeLight(item, rules, '2026-03-05');
    expect(result.light).toBe('red');
    expect(result.reasons.map((r) => `${r.code}:${r.light}`)).toEqual([
      'no_activity:yellow',
      'milestone_overdue:red',
      'next_date_passed:yellow',
    ]);
    expect(computeLight({ ...item, isActive: false }, rules, '2026-03-05')).toEqual({
      light: 'none',
      reasons: [],
    });
  });

  it('counts days across month and year ends', () => {
    expect(daysBetween('2025-12-31', '2026-01-30')).toBe(30);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});
