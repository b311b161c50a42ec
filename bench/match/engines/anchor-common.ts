import type { MatchDocument } from '../../../packages/matching/src/engine.ts';
import { isContentToken, normalizeText } from '../../../packages/matching/src/text/normalize.ts';
import { createTokenizer } from '../../../packages/matching/src/text/tokenizer.ts';

/**
 * What the reference engines share, so they differ from Gaodi's engine only in ranking: the same
 * normalisation and stop words, but no learned dictionary. Each anchor runs in the configuration
 * a user would choose for "which institute": one profile document per owner (title, keywords and
 * text of all its documents), with one of two tokenisations (`--options '{"tokens":"bigrams"}'`):
 *   jieba   — jieba search mode, stop words dropped;
 *   bigrams — overlapping character bigrams of Chinese runs, Latin words and numbers whole.
 */
const tokenizer = createTokenizer('search');
const HAN_RUN = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

export type AnchorTokens = 'jieba' | 'bigrams';

export const jiebaTokens = (text: string): string[] => tokenizer.segment(text);

export const bigramTokens = (text: string): string[] => {
  const grams: string[] = [];
  for (const [run] of normalizeText(text).matchAll(HAN_RUN)) {
    if (!/\p{Script=Han}/u.test(run)) {
      if (isContentToken(run)) grams.push(run);
      continue;
    }
    if (run.length === 1) grams.push(run);
    for (let i = 0; i + 2 <= run.length; i++) grams.push(run.slice(i, i + 2));
  }
  return grams;
};

export const anchorTokenizer = (options: Record<string, unknown>): ((text: string) => string[]) =>
  options.tokens === 'bigrams' ? bigramTokens : jiebaTokens;

export const fieldText = (doc: MatchDocument, name: string): string => {
  const value = doc.fields[name];
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join(' ');
};

export type OwnerProfile = { id: string; title: string; keywords: string; text: string };

/** One profile document per owner: its documents' fields concatenated (a shared paper counts for each owner). */
export const ownerProfiles = (docs: readonly MatchDocument[]): OwnerProfile[] => {
  const profiles = new Map<string, { title: string[]; keywords: string[]; text: string[] }>();
  for (const doc of docs) {
    for (const owner of new Set(doc.owners)) {
      let profile = profiles.get(owner);
      if (!profile) {
        profile = { title: [], keywords: [], text: [] };
        profiles.set(owner, profile);
      }
      profile.title.push(fieldText(doc, 'title'));
      profile.keywords.push(fieldText(doc, 'keywords'));
      profile.text.push(fieldText(doc, 'text'));
    }
  }
  return [...profiles].map(([id, profile]) => ({
    id,
    title: profile.title.join('\n'),
    keywords: profile.keywords.join('\n'),
    text: profile.text.join('\n'),
  }));
};
