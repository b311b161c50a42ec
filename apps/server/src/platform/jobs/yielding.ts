import { setImmediate } from 'node:timers/promises';

/**
 * For long loops on the request thread: `await breathe()` in every iteration gives the event loop
 * a turn once `budgetMs` have passed since the last one, so other requests are not held up.
 * Inside a long transaction pass its `pause` (platform/db/long-transaction.ts): on the embedded
 * database that is what lets the other requests reach the one connection.
 */
export function createBreather(
  budgetMs = 10,
  pause: () => Promise<unknown> = () => setImmediate(),
): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return pause().then(() => {
      since = performance.now();
    });
  };
}
