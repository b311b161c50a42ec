import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { keyFileNames } from '../crypto/data-key.ts';
import { LOCK_FILE, lockDataDir } from '../db/data-dir-lock.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { MANIFEST, verifyBackup } from './backup.ts';
import { type CopyResult, copyTables } from './copy-tables.ts';

export type MoveTarget = { url: string; dataDir: string };
export type MoveResult = CopyResult & {
  files: number;
  migrationsBefore: number;
  migrationsAfter: number;
  seconds: number;
  /** Seconds per step: the source opened and migrated, the target migrated, rows copied, files copied. */
  steps: { source: number; target: number; copy: number; files: number };
};

const countFiles = (dir: string): number =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;

/** Refuses a target database that holds any table: the move never overwrites. */
async function assertEmpty(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    if ((rows[0]?.n ?? 0) > 0)
      throw new Error(
        '目标 PostgreSQL 数据库不是空的：迁移只写入一个新建的空数据库（CREATE DATABASE …）。 / The target PostgreSQL database is not empty: the move writes only into a new, empty database (CREATE DATABASE …).',
      );
  } finally {
    await client.end();
  }
}

/**
 * The embedded database as a folder of our own (`work`): a backup's tar loaded there (checksums
 * checked first), or a stopped server's data folder copied there (its lock taken while copying, so
 * a running server is refused). The source is never written. Returns where its uploads are.
 */
async function openSource(from: string, work: string): Promise<{ db: Database; files: string; key: string }> {
  if (existsSync(join(from, MANIFEST))) {
    const { manifest, problems } = verifyBackup(from);
    if (problems.length)
      throw new Error(`备份文件校验失败 / the backup fails its checksums: ${problems.join('; ')}`);
    if (manifest.engine !== 'pglite')
      throw new Error(
        '这是 PostgreSQL 的备份，请用 npm run restore / a PostgreSQL backup: use npm run restore',
      );
    const tar = new Blob([readFileSync(join(from, 'database.tar'))]);
    const db = await openDatabase({ engine: 'pglite', dataDir: work, loadDataDir: tar, durable: false });
    return { db, files: join(work, 'files'), key: join(work, 'data.key') };
  }
  if (!existsSync(join(from, 'PG_VERSION')))
    throw new Error(
      `${from} 既不是备份也不是内置数据库目录 / is neither a backup nor an embedded data folder`,
    );
  const unlock = lockDataDir(from);
  try {
    cpSync(from, work, {
      recursive: true,
      filter: (path) => ![LOCK_FILE, 'files'].includes(basename(path)) || resolve(path) === resolve(from),
    });
  } finally {
    unlock();
  }
  const db = await openDatabase({ engine: 'pglite', dataDir: work, durable: false });
  return { db, files: join(from, 'files'), key: join(from, 'data.key') };
}

/** Uploads and the data key into the PostgreSQL server's data folder (nothing to do when it is the same folder). */
function copyFiles(files: string, key: string, dataDir: string): number {
  if (resolve(files) === resolve(dataDir, 'files')) return countFiles(files);
  if (existsSync(files)) cpSync(files, join(dataDir, 'files'), { recursive: true });
  // Every key file (data.key, data-<n>.key after a rotation, data-lookup.key: crypto/data-key.ts).
  const keyDir = dirname(key);
  for (const name of keyFileNames(keyDir)) {
    const to = join(dataDir, name);
    if (existsSync(to) && readFileSync(to, 'utf8') !== readFileSync(join(keyDir, name), 'utf8'))
      throw new Error(`${to} 已存在且与源的密钥不同 / ${to} exists and differs from the source's data key`);
    cpSync(join(keyDir, name), to);
  }
  return countFiles(files);
}

/**
 * Moves a county from the embedded engine to PostgreSQL: a PGlite backup folder or a stopped
 * server's data folder into an empty PostgreSQL database. The source is migrated forward in a
 * copy, the target made by the same migrations (roles, policies, the application login), every
 * row and sequence copied in one transaction (copy-tables.ts), then uploads and the data key.
 */
export async function moveToPostgres(from: string, target: MoveTarget): Promise<MoveResult> {
  const started = performance.now();
  let mark = started;
  const lap = () => {
    const now = performance.now();
    const seconds = Math.round(now - mark) / 1000;
    mark = now;
    return seconds;
  };
  await assertEmpty(target.url);
  const work = mkdtempSync(join(tmpdir(), 'gaodi-move-'));
  try {
    const source = await openSource(resolve(from), join(work, 'pgdata'));
    try {
      const migrationsBefore = await source.db.migrationLevel();
      await source.db.migrate();
      const migrationsAfter = await source.db.migrationLevel();
      const steps = { source: lap(), target: 0, copy: 0, files: 0 };
      const db = await openDatabase({ engine: 'postgres', url: target.url, poolSize: 2 });
      let copied: CopyResult;
      try {
        await db.migrate();
        steps.target = lap();
        const client = new pg.Client({ connectionString: target.url });
        await client.connect();
        try {
          const pglite = (source.db.owner as unknown as { $client: PGlite }).$client;
          copied = await copyTables(pglite, client);
          await client.query('ANALYZE');
          steps.copy = lap();
        } finally {
          await client.end();
        }
      } finally {
        await db.close();
      }
      const files = copyFiles(source.files, source.key, target.dataDir);
      steps.files = lap();
      const seconds = Math.round(performance.now() - started) / 1000;
      return { ...copied, files, migrationsBefore, migrationsAfter, seconds, steps };
    } finally {
      await source.db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
