/**
 * Folds text to the form every term is compared in: NFKC turns full-width Latin, digits and
 * punctuation into their half-width forms (ＡＢＣ１２３ → ABC123, ideographic space → space), then
 * Latin letters are lower-cased. Chinese characters are unchanged by both steps.
 */
export const normalizeText = (text: string): string => text.normalize('NFKC').toLowerCase();

/** True when a token carries content: at least one letter (any script) or digit. */
export const isContentToken = (token: string): boolean => /[\p{L}\p{N}]/u.test(token);
