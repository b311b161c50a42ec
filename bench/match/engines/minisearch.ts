import MiniSearch from 'minisearch';
import { runBatch } from '../../../packages/matching/src/cli/run-batch.ts';
import { anchorTokenizer, ownerProfiles } from './anchor-common.ts';

// MiniSearch 7 (BM25+) over one profile document per owner; title and keywords boosted ×2.
await runBatch('minisearch', (docs, options) => {
  const index = new MiniSearch<{ id: string; title: string; keywords: string; text: string }>({
    fields: ['title', 'keywords', 'text'],
    tokenize: anchorTokenizer(options),
    processTerm: (term) => term,
  });
  index.addAll(ownerProfiles(docs));
  return {
    search: (text, top) =>
      index
        .search(text, { combineWith: 'OR', boost: { title: 2, keywords: 2 } })
        .slice(0, top)
        .map((hit) => ({ owner: String(hit.id), score: hit.score })),
  };
});
