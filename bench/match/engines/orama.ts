import { create, insertMultiple, search } from '@orama/orama';
import { runBatch } from '../../../packages/matching/src/cli/run-batch.ts';
import { DOCUMENT_DEPTH, fieldText, jiebaTokens, ownersByBestDocument } from './anchor-common.ts';

// Orama 3 (BM25) with a jieba tokenizer; threshold 1 = documents matching any query term.
await runBatch('orama', async (docs) => {
  const owners = new Map(docs.map((doc) => [doc.id, doc.owners]));
  const db = create({
    schema: { title: 'string', keywords: 'string', text: 'string' } as const,
    components: {
      tokenizer: {
        language: 'english',
        normalizationCache: new Map(),
        tokenize: (raw: string) => jiebaTokens(raw),
      },
    },
  });
  await insertMultiple(
    db,
    docs.map((doc) => ({
      id: doc.id,
      title: fieldText(doc, 'title'),
      keywords: fieldText(doc, 'keywords'),
      text: fieldText(doc, 'text'),
    })),
    1000,
  );
  return {
    search: (text, top) => {
      const result = search(db, {
        term: text,
        limit: DOCUMENT_DEPTH,
        threshold: 1,
        boost: { title: 2, keywords: 2 },
      }) as Awaited<ReturnType<typeof search>>;
      const hits = result.hits.map((hit) => ({ id: hit.id, score: hit.score }));
      return ownersByBestDocument(hits, (id) => owners.get(String(id)) ?? [], top);
    },
  };
});
