import { setImmediate } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

type Db = PgDatabase<PgQueryResultHKT>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Lets other requests in between two steps of a long transaction (see createGate). */
export type Pause = () => Promise<void>;

type Waiter<S> = {
  scope: S;
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

export type Gate<S> = {
  transaction: <T>(scope: S, fn: (tx: Tx) => Promise<T>) => Promise<T>;
  long: <T>(scope: S, fn: (tx: Tx, pause: Pause) => Promise<T>) => Promise<T>;
  /** True while a long transaction holds the connection. */
  busy: () => boolean;
};

/** How long one pause may serve other requests before the long transaction goes on. */
const GUEST_BUDGET_MS = 100;

/** SQLSTATE 25006 (a write in a read-only transaction) or 25P02 (a statement after it). */
function isReadOnlyRefusal(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '25006' || e.code === '25P02') return true;
  }
  return false;
}

/**
 * The embedded database has one connection: while a transaction is open, nothing else runs. A
 * long transaction (an import's confirm: all or nothing) therefore lets the others in from
 * inside: at each `pause()`, every request waiting is run in a savepoint of the long
 * transaction, as itself (its role and region context), read-only, and rolled back to the
 * savepoint afterwards. A reader is answered at once (it sees the long transaction's rows so
 * far); a request that writes is refused by the database there and is run again, in its own
 * transaction, as soon as the long one has ended. Long transactions run one at a time.
 */
export function createGate<S>(owner: Db, enter: (tx: Tx, scope: S) => Promise<void>): Gate<S> {
  let held: { waiting: Waiter<S>[]; after: Waiter<S>[] } | null = null;
  let longs: Promise<unknown> = Promise.resolve();
  const plain = <T>(scope: S, fn: (tx: Tx) => Promise<T>) =>
    owner.transaction(async (tx) => {
      await enter(tx, scope);
      return fn(tx);
    });
  const runAfter = (waiters: Waiter<S>[]) => {
    for (const w of waiters) plain(w.scope, w.fn).then(w.resolve, w.reject);
  };

  async function serve(tx: Tx, w: Waiter<S>, after: Waiter<S>[]) {
    await tx.execute(sql`SAVEPOINT gaodi_guest`);
    let outcome: { value: unknown } | { error: unknown };
    try {
      await tx.execute(sql`SET LOCAL transaction_read_only = on`);
      await enter(tx, w.scope);
      outcome = { value: await w.fn(tx) };
    } catch (error) {
      outcome = { error };
    }
    await tx.execute(sql`ROLLBACK TO SAVEPOINT gaodi_guest`);
    await tx.execute(sql`RELEASE SAVEPOINT gaodi_guest`);
    if ('value' in outcome) w.resolve(outcome.value);
    else if (isReadOnlyRefusal(outcome.error)) after.push(w);
    else w.reject(outcome.error);
  }

  const runLong = <T>(scope: S, fn: (tx: Tx, pause: Pause) => Promise<T>) =>
    owner.transaction(async (tx) => {
      await enter(tx, scope);
      const state = { waiting: [] as Waiter<S>[], after: [] as Waiter<S>[] };
      held = state;
      // A request usually runs two or three transactions one after the other (its session, then
      // its work): after serving, give the event loop another turn so its next one is served in
      // the same pause, for up to GUEST_BUDGET_MS.
      const pause = async () => {
        const until = performance.now() + GUEST_BUDGET_MS;
        do {
          await setImmediate();
          if (state.waiting.length === 0) break;
          while (state.waiting.length > 0) await serve(tx, state.waiting.shift() as Waiter<S>, state.after);
        } while (performance.now() < until);
      };
      try {
        return await fn(tx, pause);
      } finally {
        held = null;
        // After COMMIT or ROLLBACK (they queue for the connection behind it).
        runAfter([...state.waiting, ...state.after]);
      }
    });

  return {
    busy: () => held !== null,
    transaction<T>(scope: S, fn: (tx: Tx) => Promise<T>): Promise<T> {
      const state = held;
      if (!state) return plain(scope, fn);
      return new Promise<T>((resolve, reject) =>
        state.waiting.push({ scope, fn, resolve: resolve as (v: unknown) => void, reject }),
      );
    },
    long<T>(scope: S, fn: (tx: Tx, pause: Pause) => Promise<T>): Promise<T> {
      const next = longs.then(() => runLong(scope, fn));
      longs = next.catch(() => undefined);
      return next;
    },
  };
}

/** On PostgreSQL every transaction has its own connection: a long one only gives the event loop turns. */
export function createPoolGate<S>(
  connect: () => Promise<Db>,
  enter: (tx: Tx, scope: S) => Promise<void>,
): Gate<S> {
  const pause: Pause = async () => {
    await setImmediate();
  };
  return {
    busy: () => false,
    transaction: async (scope, fn) =>
      (await connect()).transaction(async (tx) => {
        await enter(tx, scope);
        return fn(tx);
      }),
    long: async (scope, fn) =>
      (await connect()).transaction(async (tx) => {
        await enter(tx, scope);
        return fn(tx, pause);
      }),
  };
}
