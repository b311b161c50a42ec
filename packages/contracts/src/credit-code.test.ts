import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, explainCreditCode, isValidCreditCode } from './credit-code.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published valid codes', () => {
    // Codes printed on public business licences.
    for (const code of ['91350100M000100Y43', '91110000802100433B', '91440300708461136T']) {
      expect(explainCreditCode(code), code).toBeNull();
    }
  });

  it('computes the check character by hand for one code', () => {
    // Σ value×weight over 91350100M000100Y4 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3".
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('names what is wrong', () => {
    expect(explainCreditCode('123')).toBe('统一社会信用代码应为 18 位，当前为 3 位');
    expect(explainCreditCode('91350100M000100Y4I')).toContain('不允许的字符');
    expect(explainCreditCode('91350100M000100Y44')).toBe('统一社会信用代码校验位错误，应为 3');
  });

  it('detects every single-character change of a valid code', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }),
        fc.nat(16),
        fc.constantFrom(...alphabet),
        (chars, pos, replacement) => {
          const body = chars.join('');
          const code = body + creditCodeCheckChar(body);
          expect(isValidCreditCode(code)).toBe(true);
          if (chars[pos] === replacement) return;
          const changed = body.slice(0, pos) + replacement + body.slice(pos + 1) + code[17];
          expect(isValidCreditCode(changed)).toBe(false);
        },
      ),
    );
  });
});
