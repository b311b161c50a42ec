import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { keyFileNames } from '../crypto/data-key.ts';
import { LOCK_FILE } from '../db/data-dir-lock.ts';
import { openDatabase } from '../db/database.ts';
import { postgresTool, verifyBackup } from './backup.ts';

export type RestoreTarget =
  | { engine: 'pglite'; dataDir: string }
  | { engine: 'postgres'; url: string; dataDir: string };
export type RestoreResult = { migrationsBefore: number; migrationsAfter: number; seconds: number };

/** The application roles a dump's grants and policies name (migrations 0001 and 0011 make them the same way). */
const ROLES_SQL = `DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gaodi_app') THEN
    CREATE ROLE gaodi_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gaodi_gate') THEN
    CREATE ROLE gaodi_gate NOLOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
GRANT gaodi_app TO gaodi_gate;
GRANT gaodi_gate TO CURRENT_USER;`;

async function restorePostgres(dir: string, url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (rows[0].n > 0) throw new Error('恢复的目标数据库不是空的 / the target database is not empty');
    await client.query(ROLES_SQL);
  } finally {
    await client.end();
  }
  const r = spawnSync(
    postgresTool('pg_restore'),
    ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', url, join(dir, 'database.dump')],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`pg_restore failed: ${r.stderr}`);
}

/**
 * Restores a backup into an empty instance: every file checked against the manifest first, then
 * the database (PGlite: the folder from its tar; PostgreSQL: pg_restore into an empty database),
 * the uploaded files and the data key, then the migrations the backup lacks run forward.
 */
export async function restoreBackup(dir: string, target: RestoreTarget): Promise<RestoreResult> {
  const started = performance.now();
  const { manifest, problems } = verifyBackup(dir);
  if (problems.length)
    throw new Error(`备份文件校验失败 / the backup fails its checksums: ${problems.join('; ')}`);
  if (manifest.engine !== target.engine)
    throw new Error(`a ${manifest.engine} backup restores into ${manifest.engine}, not ${target.engine}`);
  if (target.engine === 'pglite') {
    if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0)
      throw new Error(`恢复的目标目录不是空的 / ${target.dataDir} is not empty`);
    const tar = new Blob([readFileSync(join(dir, 'database.tar'))]);
    const db = await openDatabase({ engine: 'pglite', dataDir: target.dataDir, loadDataDir: tar });
    try {
      await db.migrate();
      const after = await db.migrationLevel();
      const seconds = Math.round(performance.now() - started) / 1000;
      return { migrationsBefore: manifest.migrations.count, migrationsAfter: after, seconds };
    } finally {
      await db.close();
      // The tar carries the lock file of the server it was taken from; this folder is nobody's yet.
      rmSync(join(target.dataDir, LOCK_FILE), { force: true });
    }
  }
  await restorePostgres(dir, target.url);
  if (existsSync(join(dir, 'files')))
    cpSync(join(dir, 'files'), join(target.dataDir, 'files'), { recursive: true });
  for (const name of keyFileNames(dir))
    if (!existsSync(join(target.dataDir, name))) cpSync(join(dir, name), join(target.dataDir, name));
  const db = await openDatabase({ engine: 'postgres', url: target.url, poolSize: 2 });
  try {
    await db.migrate();
    const after = await db.migrationLevel();
    return {
      migrationsBefore: manifest.migrations.count,
      migrationsAfter: after,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  } finally {
    await db.close();
  }
}
