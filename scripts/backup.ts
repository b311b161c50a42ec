// npm run backup [-- --out DIR]: a consistent backup of the configured instance while it runs, into
// a new folder under GAODI_BACKUP_DIR (default backups/) with manifest.json (version, migrations,
// time, SHA-256 of every file). PostgreSQL (DATABASE_URL): pg_dump and the uploaded files. PGlite:
// when the server holds the data folder it is asked to write the backup itself (SIGUSR2), else the
// folder is opened here. `npm run restore -- DIR` puts it back into an empty instance.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST, type Manifest, writeBackup } from '../apps/server/src/platform/backup/backup.ts';
import {
  BACKUP_REQUEST,
  backupFolderName,
  pruneBackups,
} from '../apps/server/src/platform/backup/backup-job.ts';
import { parseRetention } from '../apps/server/src/platform/backup/retention.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { DataDirLockedError } from '../apps/server/src/platform/db/data-dir-lock.ts';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, prune: { type: 'boolean', default: false } },
});
const config = loadConfig();
const engine = config.databaseUrl ? 'postgres' : 'pglite';
const root = resolve(process.env.GAODI_BACKUP_DIR ?? 'backups');
const outDir = resolve(values.out ?? join(root, backupFolderName(engine, new Date())));

async function askRunningServer(pid: number): Promise<Manifest> {
  writeFileSync(join(config.dataDir, BACKUP_REQUEST), JSON.stringify({ outDir }));
  process.kill(pid, 'SIGUSR2');
  for (const deadline = Date.now() + 30 * 60_000; Date.now() < deadline; ) {
    if (existsSync(join(outDir, MANIFEST))) {
      const { readFileSync } = await import('node:fs');
      return JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as Manifest;
    }
    if (existsSync(`${outDir}.error`))
      throw new Error(`the server could not write the backup: see ${outDir}.error`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not write the backup within 30 minutes');
}

async function backup(): Promise<Manifest> {
  try {
    const db = await openDatabase(
      config.databaseUrl
        ? { engine: 'postgres', url: config.databaseUrl, poolSize: 1 }
        : { engine: 'pglite', dataDir: config.dataDir },
    );
    try {
      return await writeBackup(db, { outDir, dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    } finally {
      await db.close();
    }
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.log(`the server (PID ${error.pid}) has the data folder: it writes the backup`);
    return askRunningServer(error.pid);
  }
}

const manifest = await backup();
const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
console.log(
  `backup (${manifest.engine}, ${manifest.migrations.count} migrations, last ${manifest.migrations.last}): ${outDir}\n` +
    `  ${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${manifest.seconds} s`,
);
if (values.prune) {
  const gone = pruneBackups(root, parseRetention(process.env.GAODI_BACKUP_KEEP));
  console.log(`  rotation: ${gone.length} older backups removed`);
}
