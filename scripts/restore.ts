// npm run restore -- DIR: restores a backup written by `npm run backup` (or the daily job) into the
// configured instance, which must be empty (PGlite: GAODI_DATA_DIR absent or empty; PostgreSQL:
// DATABASE_URL a database without tables). Every file is checked against the manifest first; the
// migrations the backup lacks run forward. `--verify` only checks the files (the restore drill).
// A PGlite backup with DATABASE_URL set moves the county to PostgreSQL (move-to-postgres.ts).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyBackup } from '../apps/server/src/platform/backup/backup.ts';
import { moveToPostgres } from '../apps/server/src/platform/backup/move-to-postgres.ts';
import { restoreBackup } from '../apps/server/src/platform/backup/restore.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';

const { values, positionals } = parseArgs({
  options: { verify: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: npm run restore -- <backup folder> [--verify]');
  process.exit(2);
}
const config = loadConfig();
const { manifest, problems } = verifyBackup(resolve(dir));
console.log(
  `backup of ${manifest.createdAt} (${manifest.engine}, ${manifest.migrations.count} migrations, commit ${manifest.version.commit ?? '-'}): ` +
    `${manifest.files.length} files, ${problems.length ? problems.join('; ') : 'checksums ok'}`,
);
if (problems.length) process.exit(1);
if (!values.verify && manifest.engine === 'pglite' && config.databaseUrl) {
  // An embedded backup into PostgreSQL: the move (npm run move-to-postgres does the same).
  const moved = await moveToPostgres(resolve(dir), {
    url: config.databaseUrl,
    dataDir: config.dataDir,
  }).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  console.log(
    `moved into PostgreSQL: ${moved.tables} tables, ${moved.rows} rows, ${moved.files} files; migrations ${moved.migrationsBefore} → ${moved.migrationsAfter}, ${moved.seconds} s`,
  );
} else if (!values.verify) {
  const result = await restoreBackup(
    resolve(dir),
    config.databaseUrl
      ? { engine: 'postgres', url: config.databaseUrl, dataDir: config.dataDir }
      : { engine: 'pglite', dataDir: config.dataDir },
  ).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  console.log(
    `restored into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}: migrations ${result.migrationsBefore} → ${result.migrationsAfter}, ${result.seconds} s`,
  );
}
