import MiniSearch from 'minisearch';
import { runBatch } from '../../../packages/matching/src/cli/run-batch.ts';
import { DOCUMENT_DEPTH, fieldText, jiebaTokens, ownersByBestDocument } from './anchor-common.ts';

// MiniSearch 7 (BM25+) over jieba tokens; title and keywords boosted as in Gaodi's defaults.
await runBatch('minisearch', (docs) => {
  const owners = new Map(docs.map((doc) => [doc.id, doc.owners]));
  const index = new MiniSearch<{ id: string; title: string; keywords: string; text: string }>({
    fields: ['title', 'keywords', 'text'],
    tokenize: jiebaTokens,
    processTerm: (term) => term,
  });
  index.addAll(
    docs.map((doc) => ({
      id: doc.id,
      title: fieldText(doc, 'title'),
      keywords: fieldText(doc, 'keywords'),
      text: fieldText(doc, 'text'),
    })),
  );
  return {
    search: (text, top) => {
      const hits = index
        .search(text, { combineWith: 'OR', boost: { title: 2, keywords: 2 } })
        .slice(0, DOCUMENT_DEPTH);
      return ownersByBestDocument(hits, (id) => owners.get(String(id)) ?? [], top);
    },
  };
});
