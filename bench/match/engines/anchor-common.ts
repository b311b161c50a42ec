import type { MatchDocument } from '../../../packages/matching/src/engine.ts';
import { createTokenizer } from '../../../packages/matching/src/text/tokenizer.ts';

/**
 * What the reference engines share, so they differ from Gaodi's engine only in ranking: the same
 * normalisation, jieba segmentation (search mode) and stop words, but no learned dictionary.
 */
const tokenizer = createTokenizer('search');

export const jiebaTokens = (text: string): string[] => tokenizer.segment(text);

export const fieldText = (doc: MatchDocument, name: string): string => {
  const value = doc.fields[name];
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join(' ');
};

/** Documents retrieved per query before they are turned into an owner ranking. */
export const DOCUMENT_DEPTH = 200;

/**
 * Owner ranking from a document ranking by each owner's best document (CombMAX): the plain way a
 * document search engine answers "which institute", used for every reference engine alike.
 */
export const ownersByBestDocument = (
  hits: ReadonlyArray<{ id: string | number; score: number }>,
  ownersOf: (id: string | number) => readonly string[],
  top: number,
): Array<{ owner: string; score: number }> => {
  const results: Array<{ owner: string; score: number }> = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    for (const owner of ownersOf(hit.id)) {
      if (seen.has(owner)) continue;
      seen.add(owner);
      results.push({ owner, score: hit.score });
      if (results.length === top) return results;
    }
  }
  return results;
};
