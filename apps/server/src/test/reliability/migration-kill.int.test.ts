import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type AppDb, migrationsFolder, openDatabase, rowsOf } from '../../platform/db/database.ts';
import { asOwner, OWNER_ROLE, TEMPLATE_DB } from '../global-setup.ts';
import { freePort, startServer, type Target } from './server-process.ts';

// The server killed (SIGKILL) inside a migration, on the suite's engine: a copy of the migrations
// with one more, slow enough to be caught (a table of PROBE_ROWS rows, then a column on
// enterprises). Nothing of it may remain after the kill; the next start applies it whole and every
// row from before is as it was.
const PROBE_ROWS = 300_000;
const work = mkdtempSync(join(tmpdir(), 'gaodi-migration-kill-'));
const adminUrl = inject('pgAdminUrl');
const dbName = `gaodi_migkill_${process.pid}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!adminUrl) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

/** The shipped migrations and one more, the slow one. */
function slowMigrations(): string {
  const dir = join(work, 'migrations');
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = join(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  const last = journal.entries.at(-1);
  const tag = '9999_migration_probe';
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(
    join(dir, `${tag}.sql`),
    [
      'CREATE TABLE "migration_probe" ("n" integer PRIMARY KEY, "note" text NOT NULL);',
      `INSERT INTO "migration_probe" SELECT g, 'probe ' || g FROM generate_series(1, ${PROBE_ROWS}) g;`,
      'ALTER TABLE "enterprises" ADD COLUMN "migration_probe" integer DEFAULT 7 NOT NULL;',
    ].join('\n--> statement-breakpoint\n'),
  );
  return dir;
}

async function target(): Promise<Target> {
  if (!adminUrl) {
    const dataDir = join(work, 'data');
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    // Opened once here: the template's crash recovery happens now, not inside the timed start.
    await (await openDatabase({ engine: 'pglite', dataDir, loadDataDir: template })).close();
    return { engine: 'pglite', dataDir };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB} OWNER ${OWNER_ROLE}`);
  await admin.end();
  return { engine: 'postgres', url: asOwner(adminUrl, dbName), dataDir: join(work, 'files') };
}

const open = (t: Target) =>
  openDatabase(
    t.engine === 'pglite' ? { engine: 'pglite', dataDir: t.dataDir } : { engine: 'postgres', url: t.url },
  );

/** What must survive: the rows of tables no start writes to, and the append-only audit log up to `maxAudit`. */
async function state(db: AppDb, maxAudit?: number) {
  const one = async (query: string) => rowsOf<{ h: string }>(await db.execute(sql.raw(query)))[0]?.h;
  const hash = (table: string) =>
    one(`SELECT count(*) || ' ' || md5(coalesce(string_agg((to_jsonb(x) - 'migration_probe')::text, E'\\n'
      ORDER BY (to_jsonb(x) - 'migration_probe')::text), '')) AS h FROM ${table} x`);
  const max = maxAudit ?? Number(await one('SELECT max(id)::text AS h FROM audit_log'));
  return {
    level: Number(await one('SELECT count(*)::text AS h FROM drizzle.__drizzle_migrations')),
    probe: await one(`SELECT coalesce(to_regclass('migration_probe')::text, 'absent') AS h`),
    column: await one(`SELECT count(*)::text AS h FROM information_schema.columns
      WHERE table_name = 'enterprises' AND column_name = 'migration_probe'`),
    rows: {
      regions: await hash('regions'),
      enterprises: await hash('enterprises'),
      institutes: await hash('institutes'),
      audit: await one(
        `SELECT md5(string_agg(x::text, E'\\n' ORDER BY id)) AS h FROM audit_log x WHERE id <= ${max}`,
      ),
    },
    maxAudit: max,
  };
}

/** Resolves once the slow migration is under way: PostgreSQL shows its INSERT; PGlite's folder gains the new table's file. */
async function migrationUnderway(t: Target, deadline = Date.now() + 180_000) {
  const relationFiles = () =>
    t.engine === 'pglite'
      ? readdirSync(join(t.dataDir, 'base'), { recursive: true }).filter((f) => /(^|\/)\d+$/.test(String(f)))
          .length
      : 0;
  const before = relationFiles();
  const admin = t.engine === 'postgres' ? new pg.Client({ connectionString: adminUrl }) : null;
  await admin?.connect();
  try {
    while (Date.now() < deadline) {
      if (admin) {
        const { rowCount } = await admin.query(
          `SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid()
           AND query LIKE '%INSERT INTO "migration_probe"%'`,
        );
        if (rowCount) return;
      } else if (relationFiles() > before) return;
      await sleep(20);
    }
    throw new Error('the slow migration did not start');
  } finally {
    await admin?.end();
  }
}

/** PostgreSQL: the killed server's backend runs its statement to the end, then finds the client gone and rolls back. */
async function orphanGone(t: Target) {
  if (t.engine !== 'postgres') return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (;;) {
      const { rowCount } = await admin.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%migration_probe%' AND pid <> pg_backend_pid()`,
        [dbName],
      );
      if (!rowCount) return;
      await sleep(50);
    }
  } finally {
    await admin.end();
  }
}

describe('the server killed while it migrates', () => {
  // Two real server starts and a 300,000-row migration on the suite's engine: about 30–60 s.
  it('leaves nothing of the migration behind, applies it whole on the next start and keeps every row', async () => {
    const t = await target();
    const db = await open(t);
    const before = await state(db.owner);
    await db.close();
    const env = { GAODI_MIGRATIONS_DIR: slowMigrations() };
    const log = join(work, 'server.log');
    const first = startServer(t, await freePort(), log, env);
    await migrationUnderway(t);
    await first.kill();
    await orphanGone(t);

    const killed = await open(t);
    const afterKill = await state(killed.owner, before.maxAudit);
    await killed.close();
    expect(afterKill).toEqual(before);

    const second = startServer(t, await freePort(), log, env);
    await second.ready();
    await second.stop();
    const done = await open(t);
    const after = await state(done.owner, before.maxAudit);
    const [probe] = rowsOf<{ n: number }>(
      await done.owner.execute(sql`SELECT count(*)::int AS n FROM migration_probe`),
    );
    await done.close();
    expect(after).toEqual({ ...before, level: before.level + 1, probe: 'migration_probe', column: '1' });
    expect(probe?.n).toBe(PROBE_ROWS);
  }, 300_000);
});
