/**
 * The domain dictionary learned at index time: multi-token phrases (mostly author keywords such as
 * 蒜氨酸 or 反硝化细菌) that jieba's general dictionary would split. Entries are reference-counted
 * so that removing the last document that taught a phrase forgets it again; deployment synonyms are
 * pinned and never forgotten.
 *
 * Splitting is a scan over start positions keyed by the phrase's first two characters, which keeps
 * the structure small (no character trie) and the scan linear in practice.
 */
export type PhraseDictionary = {
  /** Adds one reference to a (normalised) phrase. */
  learn: (phrase: string) => void;
  /** Drops one reference; the phrase is forgotten when none are left. */
  forget: (phrase: string) => void;
  /** Adds a phrase that is never forgotten (deployment synonyms). */
  pin: (phrase: string) => void;
  has: (phrase: string) => boolean;
  /**
   * The text cut into learned phrases (longest match, left to right) and the stretches between
   * them, in order; each piece is tagged with whether it is a phrase.
   */
  split: (text: string) => Array<{ text: string; isPhrase: boolean }>;
  /** Entries with their reference counts (pinned entries are not listed). */
  entries: () => Array<[string, number]>;
  size: () => number;
};

const PREFIX = 2;
const LATIN_OR_DIGIT = /[a-z0-9]/;

/** A phrase that starts or ends in Latin letters or digits must not be cut out of a longer word. */
const isWholeWord = (text: string, start: number, end: number): boolean => {
  const first = text[start] ?? '';
  const last = text[end - 1] ?? '';
  if (LATIN_OR_DIGIT.test(first) && LATIN_OR_DIGIT.test(text[start - 1] ?? '')) return false;
  if (LATIN_OR_DIGIT.test(last) && LATIN_OR_DIGIT.test(text[end] ?? '')) return false;
  return true;
};

export const createPhraseDictionary = (): PhraseDictionary => {
  const counts = new Map<string, number>();
  const pinned = new Set<string>();
  // first two UTF-16 code units (as one number, so scanning allocates no strings)
  // → phrase length → number of phrases with that prefix and length
  const byPrefix = new Map<number, Map<number, number>>();
  const prefixKey = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

  const index = (phrase: string, delta: 1 | -1) => {
    const key = prefixKey(phrase, 0);
    let lengths = byPrefix.get(key);
    if (!lengths) {
      lengths = new Map();
      byPrefix.set(key, lengths);
    }
    const next = (lengths.get(phrase.length) ?? 0) + delta;
    if (next > 0) lengths.set(phrase.length, next);
    else lengths.delete(phrase.length);
    if (lengths.size === 0) byPrefix.delete(key);
  };

  const isPresent = (phrase: string) => counts.has(phrase) || pinned.has(phrase);

  return {
    learn: (phrase) => {
      if (phrase.length < PREFIX) return;
      const before = isPresent(phrase);
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      if (!before) index(phrase, 1);
    },
    forget: (phrase) => {
      const count = counts.get(phrase);
      if (count === undefined) return;
      if (count > 1) {
        counts.set(phrase, count - 1);
        return;
      }
      counts.delete(phrase);
      if (!pinned.has(phrase)) index(phrase, -1);
    },
    pin: (phrase) => {
      if (phrase.length < PREFIX || pinned.has(phrase)) return;
      const before = isPresent(phrase);
      pinned.add(phrase);
      if (!before) index(phrase, 1);
    },
    has: isPresent,
    split: (text) => {
      const pieces: Array<{ text: string; isPhrase: boolean }> = [];
      let plainStart = 0;
      let i = 0;
      while (i + PREFIX <= text.length) {
        const lengths = byPrefix.size > 0 ? byPrefix.get(prefixKey(text, i)) : undefined;
        let longest = 0;
        if (lengths) {
          for (const length of lengths.keys()) {
            if (length <= longest || i + length > text.length) continue;
            if (isPresent(text.slice(i, i + length)) && isWholeWord(text, i, i + length)) longest = length;
          }
        }
        if (longest === 0) {
          i++;
          continue;
        }
        if (i > plainStart) pieces.push({ text: text.slice(plainStart, i), isPhrase: false });
        pieces.push({ text: text.slice(i, i + longest), isPhrase: true });
        i += longest;
        plainStart = i;
      }
      if (plainStart < text.length) pieces.push({ text: text.slice(plainStart), isPhrase: false });
      return pieces;
    },
    entries: () => [...counts.entries()],
    size: () => counts.size + [...pinned].filter((p) => !counts.has(p)).length,
  };
};
