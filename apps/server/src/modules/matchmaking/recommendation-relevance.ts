import { readFileSync } from 'node:fs';
import type { MatchedTerm } from '@gaodi/contracts';

/**
 * What a user is shown of the engine's answer: an institute whose calibrated confidence reaches
 * `MIN_CONFIDENCE` (when the engine has learned its calibration, packages/matching README §8), else
 * whose score reaches `RELATIVE_CONFIDENCE` of the best one; and that shares at least one whole
 * term with the need. The list is no longer padded with weak matches.
 */
export const MIN_CONFIDENCE = 0.3;
export const RELATIVE_CONFIDENCE = 0.2;

/** Words every technical text has: never a reason by themselves (reason-stop-words.txt). */
const STOP_WORDS = new Set(
  readFileSync(new URL('./reason-stop-words.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => w && !w.startsWith('#')),
);

const HAN = /\p{Script=Han}/gu;

/**
 * The engine's terms a person would accept as a reason: whole terms of at least two Chinese
 * characters (or a Latin word of three letters) that appear in the need's own text, no stop word,
 * no term inside a longer kept one; raw fragments (`#工废`) never.
 */
export function reasonTerms(terms: readonly string[], needText: string): string[] {
  const kept = [
    ...new Set(
      terms
        .map((t) => t.trim())
        .filter((t) => !t.startsWith('#') && !STOP_WORDS.has(t))
        .filter((t) => ((t.match(HAN)?.length ?? 0) >= 2 ? true : /^[A-Za-z][A-Za-z0-9-]{2,}$/.test(t)))
        .filter((t) => needText.toLowerCase().includes(t.toLowerCase())),
    ),
  ];
  return kept.filter((t) => !kept.some((other) => other !== t && other.includes(t)));
}

/** A document's matched terms narrowed to the need's reasons. */
export function reasonMatches(matches: readonly MatchedTerm[], needText: string): MatchedTerm[] {
  const keep = new Set(
    reasonTerms(
      matches.map((m) => m.term),
      needText,
    ),
  );
  return matches.filter((m) => keep.has(m.term));
}

/** Whether a match is strong enough to show: calibrated confidence, else its score beside the best one. */
export function isConfident(owner: { score: number; confidence?: number }, best: number): boolean {
  if (owner.confidence !== undefined) return owner.confidence >= MIN_CONFIDENCE;
  return best > 0 && owner.score >= best * RELATIVE_CONFIDENCE;
}
