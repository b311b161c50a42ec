import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { isContentToken, normalizeText } from './normalize.ts';
import type { PhraseDictionary } from './phrase-dictionary.ts';
import { STOP_WORDS } from './stop-words.ts';

/**
 * How jieba cuts: `exact` is its accurate mode; `search` also emits the dictionary sub-words of a
 * long word (深加工 → 深加, 加工, 深加工), which lets a query word match a longer document word.
 */
export type SegmentationMode = 'exact' | 'search';

export type Tokenizer = {
  /** Normalised content tokens from jieba alone (no learned phrases), stop words removed. */
  segment: (text: string) => string[];
  /** Like `segment`, but every learned phrase in the text is kept as one token. */
  tokenize: (text: string, phrases: PhraseDictionary) => string[];
  /**
   * Overlapping bigrams of each run of Chinese characters, marked with BIGRAM_MARK so they never
   * collide with word terms. They match where the segmenter cut query and document differently.
   */
  bigrams: (text: string) => string[];
  /**
   * The form a keyword is learned in, or null when it needs no dictionary entry: jieba already
   * keeps it whole, or it has no content.
   */
  toPhrase: (keyword: string) => string | null;
};

let sharedJieba: Jieba | undefined;

/** jieba with its general dictionary, loaded once per process (about 170 ms). */
const getJieba = (): Jieba => {
  sharedJieba ??= Jieba.withDict(dict);
  return sharedJieba;
};

const MAX_PHRASE_LENGTH = 32;
export const BIGRAM_MARK = '#';
const HAN_RUN = /\p{Script=Han}{2,}/gu;

export const createTokenizer = (mode: SegmentationMode = 'search'): Tokenizer => {
  const jieba = getJieba();

  const segmentNormalized = (normalized: string): string[] => {
    const raw = mode === 'search' ? jieba.cutForSearch(normalized, true) : jieba.cut(normalized, true);
    const tokens: string[] = [];
    for (const token of raw) {
      const trimmed = token.trim();
      if (trimmed && isContentToken(trimmed) && !STOP_WORDS.has(trimmed)) tokens.push(trimmed);
    }
    return tokens;
  };

  return {
    segment: (text) => segmentNormalized(normalizeText(text)),
    tokenize: (text, phrases) => {
      // Learned phrases are cut out first (longest match), so each stays one term and jieba
      // cuts only the stretches between them: 中蒜|氨酸 becomes 中|蒜氨酸 once 蒜氨酸 is learned.
      const tokens: string[] = [];
      for (const piece of phrases.split(normalizeText(text))) {
        if (piece.isPhrase) tokens.push(piece.text);
        else for (const token of segmentNormalized(piece.text)) tokens.push(token);
      }
      return tokens;
    },
    bigrams: (text) => {
      const grams: string[] = [];
      for (const [run] of normalizeText(text).matchAll(HAN_RUN)) {
        for (let i = 0; i + 2 <= run.length; i++) grams.push(BIGRAM_MARK + run.slice(i, i + 2));
      }
      return grams;
    },
    toPhrase: (keyword) => {
      const phrase = normalizeText(keyword).trim().replace(/\s+/g, ' ');
      if (phrase.length < 2 || phrase.length > MAX_PHRASE_LENGTH || !isContentToken(phrase)) return null;
      const tokens = segmentNormalized(phrase);
      if (tokens.length === 0 || tokens.includes(phrase)) return null;
      return phrase;
    },
  };
};
