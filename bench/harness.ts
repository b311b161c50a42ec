// What the server benches share: their arguments, a migrated demo database (PGlite or a
// throwaway PostgreSQL cluster), the app on it, a demo user signed in through HTTP, percentiles.
import { parseArgs } from 'node:util';
import { buildApp } from '../apps/server/src/app.ts';
import { DEMO_PASSWORD, loadDemoData } from '../apps/server/src/demo/demo-data.ts';
import { passDemoMfa } from '../apps/server/src/demo/demo-mfa.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { createDataBox, developmentDataKey } from '../apps/server/src/platform/crypto/index.ts';
import { type Database, openDatabase } from '../apps/server/src/platform/db/database.ts';
import { createMemoryStorage } from '../apps/server/src/platform/storage/storage.ts';
// @ts-expect-error plain .mjs helper without types
import { startCluster } from '../scripts/pg-cluster.mjs';

export type BenchApp = Awaited<ReturnType<typeof buildApp>>;
export type Cluster = { url: string; version: string; stop: () => void };

/** `--name value` options with their defaults (`npm run bench:x -- --runs 10`), as strings. */
export function benchArgs<K extends string>(defaults: Record<K, string>): Record<K, string> {
  const options = Object.fromEntries(
    Object.entries<string>(defaults).map(([name, value]) => [
      name,
      { type: 'string' as const, default: value },
    ]),
  );
  return parseArgs({ options }).values as Record<K, string>;
}

/** The p-th percentile (nearest rank) of `xs`, 0 for none. */
export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

/** A throwaway PostgreSQL cluster, or null where no PostgreSQL binaries are installed. */
export const startPostgres = (): Promise<Cluster | null> => startCluster();

/**
 * A migrated database with the demo loaded: in-memory PGlite, or PostgreSQL at `url`.
 * `withMfa`: the demo's leaders and administrators get their two-step secret (signIn passes it).
 */
export async function openDemoDatabase(
  target: { engine: 'pglite' } | { engine: 'postgres'; url: string; poolSize?: number },
  { withMfa = true } = {},
): Promise<Database> {
  const db = await openDatabase(target);
  await db.migrate();
  await loadDemoData(db, systemClock, withMfa ? createDataBox(developmentDataKey()) : undefined);
  return db;
}

/** The app on `db` with the real clock, files in memory and no sign-in rate limit, ready. */
export async function startBenchApp(db: Database): Promise<BenchApp> {
  const app = await buildApp({
    db,
    clock: systemClock,
    fileStorage: createMemoryStorage(),
    loginRateLimitPerMinute: 10_000,
  });
  await app.ready();
  return app;
}

/**
 * A demo user signed in through HTTP (past the second step): its cookie, who it is, the headers a
 * write sends (cookie and CSRF token), and a GET that must answer 200.
 */
export async function signIn(app: BenchApp, username: string) {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await passDemoMfa(app, cookie, new Date());
  const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json() as {
    id: string;
    role: string;
    csrfToken: string;
  };
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };
  return { cookie, me, headers, get };
}

/** Runs `fn` and answers how long it took (ms) with its result. */
export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}
