import { describe, expect, it } from 'vitest';
import { formatMoney } from './format.ts';

describe('money as each language reads it', () => {
  it('shows 万元 in Chinese and ¥…K in English', () => {
    expect(formatMoney(12_500_000, 'zh')).toBe('12.5 万元');
    expect(formatMoney(12_500_000, 'en')).toBe('¥125K');
    expect(formatMoney(3_000_000_000, 'en')).toBe('¥30M');
    expect(formatMoney(80_000, 'en')).toBe('¥800');
  });

  it('shows no amount as —, never 0 万元', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(formatMoney(0, lang)).toBe('—');
      expect(formatMoney(null, lang)).toBe('—');
      expect(formatMoney(undefined, lang)).toBe('—');
    }
  });
});
