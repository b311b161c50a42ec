import { describe, expect, it } from 'vitest';
import { amountToFen } from './project-amount.ts';

describe('amountToFen', () => {
  it('turns 万元 and 元 into integer fen without float error', () => {
    expect(amountToFen('12.5', 'wan')).toBe(12_500_000);
    expect(amountToFen('0.07', 'wan')).toBe(70_000);
    expect(amountToFen('1.000001', 'wan')).toBe(1_000_001);
    expect(amountToFen('1,250,000.35', 'yuan')).toBe(125_000_035);
    expect(amountToFen('80', 'yuan')).toBe(8_000);
    expect(amountToFen('3.', 'wan')).toBe(3_000_000);
  });
  it('reads blank as 0 and refuses what is not an amount in that unit', () => {
    expect(amountToFen('', 'wan')).toBe(0);
    expect(amountToFen(undefined, 'yuan')).toBe(0);
    expect(amountToFen('0.001', 'yuan')).toBeNull();
    expect(amountToFen('-5', 'wan')).toBeNull();
    expect(amountToFen('五十', 'wan')).toBeNull();
    expect(amountToFen('1e3', 'yuan')).toBeNull();
  });
});
