import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode, totpStep } from './totp.ts';

// RFC 6238 Appendix B, SHA-1: the seed is the ASCII "12345678901234567890", 8 digits.
const SEED = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC 6238 SHA-1 test vectors', () => {
    for (const [seconds, code] of VECTORS) {
      expect(hotp(SEED, totpStep(new Date(seconds * 1000)), 8)).toBe(code);
      expect(totpCode(base32Encode(SEED), new Date(seconds * 1000), 8)).toBe(code);
    }
  });

  it('gives the RFC 4226 HOTP values for counters 0–9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(SEED, counter))).toEqual(expected);
  });

  it('round-trips base32 (RFC 4648 vectors)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    expect(base32Encode(SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('accepts the code of one step before and after, not two', () => {
    const secret = base32Encode(SEED);
    const at = new Date(1111111111 * 1000);
    const step = totpStep(at);
    const codeAt = (s: number) => hotp(SEED, s);
    expect(matchTotp(secret, codeAt(step), at)).toBe(step);
    expect(matchTotp(secret, codeAt(step - 1), at)).toBe(step - 1);
    expect(matchTotp(secret, codeAt(step + 1), at)).toBe(step + 1);
    expect(matchTotp(secret, codeAt(step + 2), at)).toBeNull();
    expect(matchTotp(secret, codeAt(step - 2), at)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('高地', 'sysadmin', 'ABC')).toBe(
      'otpauth://totp/%E9%AB%98%E5%9C%B0:sysadmin?secret=ABC&issuer=%E9%AB%98%E5%9C%B0&algorithm=SHA1&digits=6&period=30',
    );
  });
});
