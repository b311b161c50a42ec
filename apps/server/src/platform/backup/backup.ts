import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { keyFileNames } from '../crypto/data-key.ts';
import { type Database, migrationsFolder, rowsOf } from '../db/database.ts';

export const BACKUP_FORMAT = 'gaodi-backup/1';
export const MANIFEST = 'manifest.json';

export type FileEntry = { path: string; bytes: number; sha256: string };

/** What a backup holds, written last: a folder without it is an unfinished backup. */
export type Manifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  engine: Database['engine'];
  /** The server's version and commit that wrote it. */
  version: { server: string; commit: string | null };
  /** Migrations applied in the backed-up database: how many and the last one's tag. */
  migrations: { count: number; last: string | null };
  /** Every file of the backup with its size and SHA-256: database.tar (PGlite) or database.dump (pg_dump -Fc), files/…, the key files (data.key, data-<n>.key, data-lookup.key). */
  files: FileEntry[];
  seconds: number;
};

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

/** pg_dump / pg_restore: PATH first, else the newest under /usr/lib/postgresql. */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  if (spawnSync(name, ['--version']).status === 0) return name;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, 'bin', name))) return join(base, v, 'bin', name);
  throw new Error(`${name} not found: install the PostgreSQL client (apt-get install -y postgresql-client)`);
}

async function migrationState(db: Database): Promise<Manifest['migrations']> {
  const count = rowsOf<{ n: number }>(
    await db.owner.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`),
  )[0]?.n;
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return { count: count ?? 0, last: journal.entries[(count ?? 0) - 1]?.tag ?? null };
}

function versionOf(): Manifest['version'] {
  const root = resolve(migrationsFolder, '../../../..');
  const server = (
    JSON.parse(readFileSync(join(root, 'apps/server/package.json'), 'utf8')) as { version: string }
  ).version;
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    // not a git checkout
  }
  return { server, commit };
}

/**
 * A consistent backup into `outDir` (created; must not exist) while the server runs.
 * PGlite: CHECKPOINT, then the data folder as a tar taken between two statements of its one
 * connection (dumpDataDir; an open transaction's rows are not committed, so recovery drops them) —
 * the folder also holds files/ and data.key. PostgreSQL: pg_dump -Fc (one snapshot, as the owner
 * under its owner_all policies), then the uploaded files (written before the rows that name them,
 * never changed). The manifest is written last.
 */
export async function writeBackup(
  db: Database,
  options: { outDir: string; dataDir: string; databaseUrl?: string; now?: Date },
): Promise<Manifest> {
  const started = performance.now();
  const out = options.outDir;
  if (existsSync(out)) throw new Error(`${out} exists: a backup goes into a new folder`);
  const partial = `${out}.partial`;
  mkdirSync(partial, { recursive: true });
  const migrations = await migrationState(db);
  if (db.engine === 'pglite') {
    await db.owner.execute(sql`CHECKPOINT`);
    const client = (db.owner as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } })
      .$client;
    const tar = await client.dumpDataDir('none');
    writeFileSync(join(partial, 'database.tar'), Buffer.from(await tar.arrayBuffer()));
  } else {
    if (!options.databaseUrl) throw new Error('a PostgreSQL backup needs the database URL');
    const r = spawnSync(
      postgresTool('pg_dump'),
      [
        '--format=custom',
        '--enable-row-security',
        '--no-owner',
        '--file',
        join(partial, 'database.dump'),
        options.databaseUrl,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr}`);
    for (const file of walk(join(options.dataDir, 'files'))) {
      const to = join(partial, relative(options.dataDir, file));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(file, to);
    }
    for (const name of keyFileNames(options.dataDir))
      copyFileSync(join(options.dataDir, name), join(partial, name));
  }
  const files = walk(partial).map((file) => ({
    path: relative(partial, file),
    bytes: statSync(file).size,
    sha256: sha256(file),
  }));
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    createdAt: (options.now ?? new Date()).toISOString(),
    engine: db.engine,
    version: versionOf(),
    migrations,
    files,
    seconds: Math.round(performance.now() - started) / 1000,
  };
  writeFileSync(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, out);
  return manifest;
}

/** Reads a backup's manifest and checks every file against it: size and SHA-256. Problems, empty when whole. */
export function verifyBackup(dir: string): { manifest: Manifest; problems: string[] } {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
  const problems: string[] = [];
  if (manifest.format !== BACKUP_FORMAT) problems.push(`unknown format ${manifest.format}`);
  for (const f of manifest.files) {
    const file = join(dir, f.path);
    if (!existsSync(file)) problems.push(`${f.path}: missing`);
    else if (statSync(file).size !== f.bytes || sha256(file) !== f.sha256)
      problems.push(`${f.path}: checksum differs`);
  }
  return { manifest, problems };
}
