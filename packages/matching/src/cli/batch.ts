import { createMatchingEngine, type EngineOptions } from '../engine.ts';
import { runBatch } from './run-batch.ts';

// npm run --silent match:batch -- --corpus FILE --queries FILE --top 10 [--options '{"k1":1.5}']
await runBatch('gaodi', (docs, options) => {
  const engine = createMatchingEngine(options as EngineOptions);
  engine.addMany(docs);
  return {
    search: (text, top) => engine.search(text, { top }).owners.map(({ owner, score }) => ({ owner, score })),
  };
});
