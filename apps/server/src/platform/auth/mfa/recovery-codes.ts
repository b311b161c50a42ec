import { randomInt } from 'node:crypto';
import type { DataBox } from '../../crypto/index.ts';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Ten one-time recovery codes `xxxxx-xxxxx` (50 random bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The stored form: a keyed hash bound to the user (a stolen table without the key reveals nothing). */
export function recoveryCodeHash(box: DataBox, userId: string, code: string): string {
  const normalised = code.trim().toLowerCase().replace(/-/g, '');
  return box.lookupHash(normalised, `mfa-recovery:${userId}`);
}

export const isRecoveryCode = (code: string) => /^[a-z2-7]{5}-?[a-z2-7]{5}$/i.test(code.trim());
