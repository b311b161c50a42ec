import { create, insertMultiple, search } from '@orama/orama';
import { index as oramaIndex } from '@orama/orama/components';
import { runBatch } from '../../../packages/matching/src/cli/run-batch.ts';
import { anchorTokenizer, ownerProfiles } from './anchor-common.ts';

type OramaIndex = ReturnType<typeof oramaIndex.createIndex>;
type IndexStore = Parameters<OramaIndex['insertTokenScoreParameters']>[0];

/**
 * Orama's index counts, for each token of a field, that token's occurrences by scanning the
 * field's whole token list, and adds one to the token's document frequency per occurrence. Its
 * own tokenizers return each token once, so that is right for them; for a tokenizer that keeps
 * repeats (term frequency is what BM25 needs over long owner profiles) it makes indexing
 * quadratic (1,289 s) and document frequencies exceed the document count, so idf goes negative or
 * NaN (nDCG@10 0.020). This counts a field's tokens once and each (document, token) once, so
 * Orama's own BM25 (tf = occurrences ÷ field length, as Orama defines it) sees true figures.
 */
const countsOf = new WeakMap<readonly string[], Map<string, number>>();
const insertTokenScoreParameters: OramaIndex['insertTokenScoreParameters'] = (
  index: IndexStore,
  prop,
  id,
  tokens,
  token,
) => {
  // The index passes its internal (numeric) document id here.
  const frequencies = index.frequencies[prop]?.[id as unknown as number] as Record<string, number>;
  if (token in frequencies) return;
  let counts = countsOf.get(tokens);
  if (!counts) {
    counts = new Map();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    countsOf.set(tokens, counts);
  }
  frequencies[token] = (counts.get(token) ?? 0) / tokens.length;
  const occurrences = index.tokenOccurrences[prop] as Record<string, number>;
  occurrences[token] = (occurrences[token] ?? 0) + 1;
};

/**
 * Orama matches a query token as a prefix of the indexed words (`exact: true` instead filters the
 * hits to documents holding every whitespace-separated piece of the raw query as a whole word,
 * which no Chinese query passes). The anchors' tokens are already whole words or bigrams, so each
 * ends with a terminator: a token then matches only itself, as in the other anchors
 * (`--options {"prefix":true}` keeps Orama's prefix matching).
 */
const WORD_END = '\u0001';

/**
 * Orama's term frequency is already occurrences ÷ field length, so BM25's own length
 * normalisation (b, default 0.75) counts a long profile's length twice: the owners with most
 * papers fall behind any one-paper owner that names a query term once. Orama's `relevance`
 * parameter sets b to 0 (k and d stay Orama's defaults). Sampled on a fifth of the dev keywords
 * queries (jieba): b 0.75 → 0.0265 nDCG@10, b 0 → 0.3416 (d 1: 0.3451, not taken).
 */
const RELEVANCE = { k: 1.2, b: 0, d: 0.5 };

// Orama 3 (BM25) over one profile document per owner, title and keywords boosted ×2, OR query
// (threshold 1).
await runBatch('orama', async (docs, options) => {
  const cut = anchorTokenizer(options);
  const tokenize = options.prefix === true ? cut : (raw: string) => cut(raw).map((token) => token + WORD_END);
  const db = create({
    schema: { owner: 'string', title: 'string', keywords: 'string', text: 'string' } as const,
    components: {
      tokenizer: {
        language: 'english',
        normalizationCache: new Map(),
        tokenize: (raw: string) => tokenize(raw),
      },
      index: { ...oramaIndex.createIndex(), insertTokenScoreParameters },
    },
  });
  await insertMultiple(
    db,
    ownerProfiles(docs).map(({ id, ...fields }) => ({ owner: id, ...fields })),
    500,
  );
  return {
    search: (text, top) => {
      const result = search(db, {
        term: text,
        properties: ['title', 'keywords', 'text'],
        limit: top,
        threshold: 1,
        boost: { title: 2, keywords: 2 },
        relevance: RELEVANCE,
      }) as Awaited<ReturnType<typeof search>>;
      return result.hits.map((hit) => ({
        owner: String((hit.document as { owner: string }).owner),
        score: hit.score,
      }));
    },
  };
});
