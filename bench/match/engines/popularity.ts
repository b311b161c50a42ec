import { runBatch } from '../../../packages/matching/src/cli/run-batch.ts';

// The floor: every query gets the owners with the most documents, whatever it asks.
await runBatch('popularity', (docs) => {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const owner of doc.owners) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  const ranked = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([owner, score]) => ({ owner, score }));
  return { search: (_text, top) => ranked.slice(0, top) };
});
