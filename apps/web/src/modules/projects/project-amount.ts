/** The units offices write contract amounts in. */
export const AMOUNT_UNITS = ['wan', 'yuan'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** Fen per unit as a power of ten: 1 万元 = 10^6 fen, 1 元 = 10^2 fen (also the decimals allowed). */
const FEN_EXPONENT: Record<AmountUnit, number> = { wan: 6, yuan: 2 };

/**
 * An amount as typed (12.5 万元, "1,250,000.00" 元) → integer fen, exactly: the decimal point is
 * moved in the text, never by a float multiplication (0.07 × 1e6 is 70000.00000000001). Blank is 0;
 * null means it is not an amount in that unit (a sign, letters, or a fraction of a fen).
 */
export function amountToFen(text: string | null | undefined, unit: AmountUnit): number | null {
  const plain = (text ?? '').replace(/[\s,，]/g, '');
  if (plain === '') return 0;
  const match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  const exponent = FEN_EXPONENT[unit];
  if (fraction.length > exponent) return null;
  return Number(whole + fraction.padEnd(exponent, '0'));
}
