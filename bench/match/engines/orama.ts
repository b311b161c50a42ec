import { create, insertMultiple, search } from '@orama/orama';
import { runBatch } from '../../../packages/matching/src/cli/run-batch.ts';
import { anchorTokenizer, ownerProfiles } from './anchor-common.ts';

// Orama 3 (BM25) over one profile document per owner; threshold 1 = profiles matching any query term.
await runBatch('orama', async (docs, options) => {
  const tokenize = anchorTokenizer(options);
  const db = create({
    schema: { owner: 'string', title: 'string', keywords: 'string', text: 'string' } as const,
    components: {
      tokenizer: {
        language: 'english',
        normalizationCache: new Map(),
        tokenize: (raw: string) => tokenize(raw),
      },
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
      }) as Awaited<ReturnType<typeof search>>;
      return result.hits.map((hit) => ({
        owner: String((hit.document as { owner: string }).owner),
        score: hit.score,
      }));
    },
  };
});
