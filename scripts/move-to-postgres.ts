// npm run move-to-postgres [-- --from DIR]: moves a county from the embedded database (PGlite) to
// PostgreSQL. DIR is a PGlite backup (npm run backup) or the stopped server's data folder (default:
// GAODI_DATA_DIR); the target is DATABASE_URL, an empty database (refused otherwise); uploads and
// the data key go to GAODI_DATA_DIR. Then start the server with DATABASE_URL set.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { moveToPostgres } from '../apps/server/src/platform/backup/move-to-postgres.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';

const { values } = parseArgs({ options: { from: { type: 'string' } } });
const config = loadConfig();
if (!config.databaseUrl) {
  console.error(
    'usage: DATABASE_URL=postgres://… npm run move-to-postgres -- [--from <PGlite backup or data folder>]',
  );
  process.exit(2);
}
const from = resolve(values.from ?? config.dataDir);
console.log(`moving ${from} into PostgreSQL (${new URL(config.databaseUrl).pathname.slice(1)}) …`);
const result = await moveToPostgres(from, { url: config.databaseUrl, dataDir: config.dataDir }).catch(
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
console.log(
  `moved: ${result.tables} tables, ${result.rows} rows, ${result.sequences} sequences, ${result.files} files into ${config.dataDir}; ` +
    `migrations ${result.migrationsBefore} → ${result.migrationsAfter}; ${result.seconds} s ${JSON.stringify(result.steps)}\n` +
    'start the server with this DATABASE_URL (npm start); the embedded folder is left as it was.',
);
