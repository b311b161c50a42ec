import { describe, expect, it } from 'vitest';
import { quietUntil } from './quiet-hours.ts';

const china = (text: string) => new Date(`${text}+08:00`);

describe('quiet hours (China time)', () => {
  it('22:00–07:00 holds a night message until 07:00, across midnight', () => {
    expect(quietUntil(china('2026-03-02T23:30:00'), 1320, 420)).toEqual(china('2026-03-03T07:00:00'));
    expect(quietUntil(china('2026-03-03T02:00:00'), 1320, 420)).toEqual(china('2026-03-03T07:00:00'));
    expect(quietUntil(china('2026-03-03T22:00:00'), 1320, 420)).toEqual(china('2026-03-04T07:00:00'));
  });
  it('lets day messages through, and the minute quiet hours end', () => {
    expect(quietUntil(china('2026-03-03T07:00:00'), 1320, 420)).toBeNull();
    expect(quietUntil(china('2026-03-03T21:59:00'), 1320, 420)).toBeNull();
  });
  it('a window within one day (12:00–14:00), and none when from = to', () => {
    expect(quietUntil(china('2026-03-03T13:00:00'), 720, 840)).toEqual(china('2026-03-03T14:00:00'));
    expect(quietUntil(china('2026-03-03T15:00:00'), 720, 840)).toBeNull();
    expect(quietUntil(china('2026-03-03T03:00:00'), 0, 0)).toBeNull();
  });
});
