/** GB 32100-2015 统一社会信用代码: 18 characters from this alphabet, the last one a check character. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check] ?? null;
}

/** Why a credit code is invalid (Chinese), or null when it is valid. */
export function explainCreditCode(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为 18 位，当前为 ${code.length} 位`;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code))
    return '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return `统一社会信用代码校验位错误，应为 ${expected}`;
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return explainCreditCode(code) === null;
}
