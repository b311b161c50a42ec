import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { ensureAppLogin, loginUrl, readAppLogin } from './app-login.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { createGate, createPoolGate, type Pause } from './long-transaction.ts';
import { openDurablePglite } from './pglite-durable.ts';
import { type IfMatch, withIfMatch } from './row-version.ts';
import { rowsOf } from './rows.ts';

export type AppDb = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<AppDb['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

/** Who is asking: what the database needs to apply row-level security. */
export type Scope = {
  userId: string | null;
  role: string;
  /** Regions whose rows are visible: the active region and every region below it. */
  regionCodes: readonly string[];
  enterpriseId?: string | null;
  instituteId?: string | null;
  /** The reader's language: names with an English column read in it (name-in-lang.ts). */
  lang?: 'zh' | 'en';
  /** Optimistic concurrency: the record being edited and the version the editor read (row-version.ts). */
  ifMatch?: IfMatch | null;
};

export type Database = {
  engine: Engine;
  /**
   * The owner connection: migrations, demo data, maintenance. Bypasses row-level security, so
   * request handling never uses it.
   */
  owner: AppDb;
  /** Runs `fn` in one transaction as the application role, seeing only what `scope` may see. */
  transaction: <T>(scope: Scope, fn: (tx: Tx) => Promise<T>) => Promise<T>;
  /**
   * One transaction that may take long (an import's confirm): `pause()` between steps lets other
   * requests in (on PGlite from inside, read-only; writers wait for its end: long-transaction.ts).
   */
  longTransaction: <T>(scope: Scope, fn: (tx: Tx, pause: Pause) => Promise<T>) => Promise<T>;
  /** True while a long transaction holds the embedded database's one connection. */
  busy: () => boolean;
  /** How many migrations are applied, for /api/health. */
  migrationLevel: () => Promise<number>;
  /** Applies pending migrations, then secures every tenant table (RLS forced, policies, grants). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export const migrationsFolder = resolve(import.meta.dirname, '../../migrations');
/**
 * Where a server start reads its migrations: the shipped folder, or GAODI_MIGRATIONS_DIR — for the
 * test that kills the server inside a slow migration (a copy with one more), never in production.
 */
const startMigrations = () => process.env.GAODI_MIGRATIONS_DIR || migrationsFolder;

export type OpenOptions =
  /** `durable: false`: a throw-away folder (the move's working copy) without fsync at each commit. */
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob; durable?: boolean }
  | { engine: 'postgres'; url: string; poolSize?: number };

/** Opens the database chosen by configuration: PGlite in a folder (or memory), or PostgreSQL. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.engine === 'pglite') {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    // One process per folder (data-dir-lock.ts); released on close, taken over after a crash.
    const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
    const client =
      options.dataDir && options.durable !== false
        ? openDurablePglite(options.dataDir, { loadDataDir: options.loadDataDir })
        : new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
    await client.waitReady.catch((error) => {
      unlock();
      throw error;
    });
    const owner = drizzlePglite(client) as unknown as AppDb;
    const migrate = async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder: startMigrations() });
    };
    return wrap('pglite', owner, migrate, () => client.close().finally(unlock));
  }
  const size = options.poolSize ?? 10;
  const pool = openPool(options.url, Math.max(2, Math.ceil(size / 2)));
  const owner = drizzleNodePg(pool) as unknown as AppDb;
  const migrate = async () => {
    // One migrator at a time across processes sharing the database: a session-level lock held
    // on one connection for the whole run.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(728281)');
      await migrateNodePg(drizzleNodePg(client), { migrationsFolder: startMigrations() });
      await ensureAppLogin(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock(728281)').catch(() => undefined);
      client.release();
    }
  };
  // Requests connect as the login role that owns nothing (app-login.ts), on their own pool,
  // opened at the first request (after migrating: the login is made there).
  let app: Promise<{ pool: pg.Pool; db: AppDb }> | null = null;
  const requests = async () => {
    app ??= readAppLogin(pool).then((login) => {
      if (!login) throw new Error('the database is not migrated yet: no application login role');
      const appPool = openPool(loginUrl(options.url, login), size);
      return { pool: appPool, db: drizzleNodePg(appPool) as unknown as AppDb };
    });
    app.catch(() => {
      app = null;
    });
    return (await app).db;
  };
  const close = async () => {
    const opened = app && (await app.catch(() => null));
    await Promise.all([pool.end(), opened?.pool.end()]);
  };
  return wrap('postgres', owner, migrate, close, requests);
}

function openPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection that the server closes (restart, failover, admin termination) is dropped
  // from the pool and replaced on next use; without a listener it would crash the process.
  // The same for a connection in use when the server goes away (restart: 57P01): its query fails
  // (the request answers 503, http/errors.ts), the pool discards it on release; without a
  // listener the client's 'error' event would end the process.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      console.warn(`PostgreSQL: a connection in use was closed (${error.message})`);
    });
  });
  pool.on('error', (error) => {
    console.warn(`PostgreSQL: an idle connection was closed and dropped from the pool (${error.message})`);
  });
  return pool;
}

function wrap(
  engine: Engine,
  owner: AppDb,
  migrate: () => Promise<void>,
  close: () => Promise<void>,
  requests: () => Promise<AppDb> = async () => owner,
): Database {
  const enter = async (tx: Tx, scope: Scope) => {
    await tx.execute(sql`SET LOCAL ROLE gaodi_app`);
    await tx.execute(sql`SELECT
      set_config('gaodi.regions', ${scope.regionCodes.join(',')}, true),
      set_config('gaodi.user_id', ${scope.userId ?? ''}, true),
      set_config('gaodi.role', ${scope.role}, true),
      set_config('gaodi.enterprise_id', ${scope.enterpriseId ?? ''}, true),
      set_config('gaodi.institute_id', ${scope.instituteId ?? ''}, true),
      set_config('gaodi.lang', ${scope.lang ?? 'zh'}, true),
      set_config('gaodi.if_match_id', ${scope.ifMatch?.id ?? ''}, true),
      set_config('gaodi.if_match', ${scope.ifMatch?.version ?? ''}, true)`);
  };
  const gate = engine === 'pglite' ? createGate<Scope>(owner, enter) : createPoolGate<Scope>(requests, enter);
  let level = 0;
  return {
    engine,
    owner,
    close,
    migrate: async () => {
      await migrate();
      await owner.execute(sql`SELECT gaodi_secure_tenant_tables()`);
    },
    transaction: (scope, fn) => gate.transaction(withIfMatch(scope), fn),
    longTransaction: gate.long,
    busy: gate.busy,
    migrationLevel: async () => {
      // The level changes only when migrating; a long transaction must not hold up /api/health.
      if (gate.busy()) return level;
      const result = await owner.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      level = rowsOf<{ n: number }>(result)[0]?.n ?? 0;
      return level;
    },
  };
}

export { rowsOf };
