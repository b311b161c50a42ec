import { setImmediate } from 'node:timers/promises';
import type { Tx } from '../db/database.ts';
import { AppError } from '../http/errors.ts';

/**
 * For long loops on the request thread: `await breathe()` in every iteration gives the event loop
 * a turn once `budgetMs` have passed since the last one, so other requests are not held up.
 */
export function createBreather(budgetMs = 10): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return setImmediate().then(() => {
      since = performance.now();
    });
  };
}

/**
 * Up to this many items are written in one transaction on every engine: an import of that size is
 * all or nothing, and holds the embedded database for a second or two at most.
 */
export const ATOMIC_WRITES = 500;

/**
 * Writes `items` without holding up other requests. On PostgreSQL, and for up to ATOMIC_WRITES
 * items on the embedded database, in one transaction (all or nothing), pausing for the event loop
 * as it goes. Above that on the embedded database (one connection: one long transaction would
 * hold every other request until it ends) in a series of short transactions, each writing items
 * until `budgetMs` have passed, then committing and giving other requests their turn; if a later
 * one fails, what earlier ones wrote stays and the error says how much that was.
 */
export async function writeInSlices<T>(
  engine: 'pglite' | 'postgres',
  items: readonly T[],
  transact: (fn: (tx: Tx) => Promise<void>) => Promise<unknown>,
  write: (tx: Tx, item: T) => Promise<void>,
  budgetMs = 30,
): Promise<void> {
  if (engine === 'postgres' || items.length <= ATOMIC_WRITES) {
    const breathe = createBreather();
    await transact(async (tx) => {
      for (const item of items) {
        await breathe();
        await write(tx, item);
      }
    });
    return;
  }
  let done = 0;
  while (done < items.length) {
    let next = done;
    try {
      await transact(async (tx) => {
        const started = performance.now();
        do {
          await write(tx, items[next] as T);
          next++;
        } while (next < items.length && performance.now() - started < budgetMs);
      });
    } catch (error) {
      if (done === 0) throw error;
      throw new AppError(
        409,
        'IMPORT_PARTIAL',
        `导入中断：已写入 ${done} 行，其余 ${items.length - done} 行未写入，请检查后重新导入`,
      );
    }
    done = next;
    await setImmediate();
  }
}
