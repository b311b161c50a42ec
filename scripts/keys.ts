// npm run keys:status | keys:rotate [-- --batch N] | keys:retire -- <version>: the data keys of
// personal data (platform/crypto). status: how many values each key version encrypts, per column.
// rotate: adds a new current key (key files; with GAODI_DATA_KEY(S) it says what to configure) and
// re-encrypts every older value in batches, one transaction each, while the server runs; killed,
// it resumes where it was. retire: takes a key out once no value uses it (refused otherwise).
// PostgreSQL (DATABASE_URL): runs here. PGlite: a running server holding the data folder is asked
// to run it (SIGUSR2, as npm run backup), else the folder is opened here.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENCRYPTED_COLUMNS } from '../apps/server/src/encrypted-columns.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import {
  createDataBox,
  type KeyCommand,
  type KeyCommandResult,
  loadKeyring,
  runKeyCommand,
} from '../apps/server/src/platform/crypto/index.ts';
import { KEY_REQUEST, type KeyAnswer } from '../apps/server/src/platform/crypto/key-requests.ts';
import { DataDirLockedError } from '../apps/server/src/platform/db/data-dir-lock.ts';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { batch: { type: 'string' } },
});
const [name, version] = positionals;
const command: KeyCommand | null =
  name === 'status'
    ? { command: 'status' }
    : name === 'rotate'
      ? { command: 'rotate', batchSize: values.batch ? Number(values.batch) : undefined }
      : name === 'retire' && Number(version) > 0
        ? { command: 'retire', version: Number(version) }
        : null;
if (!command) {
  console.error('usage: keys.ts status | rotate [--batch N] | retire <version>');
  process.exit(2);
}
const config = loadConfig();
const keyring = loadKeyring({ dataDir: config.dataDir });

const progress = (done: number, total: number) =>
  process.stdout.write(`\r  ${done} / ${total} values re-encrypted`);

async function askRunningServer(pid: number, cmd: KeyCommand): Promise<KeyCommandResult> {
  const outFile = join(config.dataDir, `keys-answer-${process.pid}.json`);
  writeFileSync(join(config.dataDir, KEY_REQUEST), JSON.stringify({ ...cmd, outFile }));
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    if (!existsSync(outFile)) continue;
    const answer = JSON.parse(readFileSync(outFile, 'utf8')) as KeyAnswer;
    if (answer.progress) progress(answer.progress.done, answer.progress.total);
    if (!answer.done) continue;
    rmSync(outFile, { force: true });
    if (answer.progress) console.log('');
    return answer;
  }
}

async function run(cmd: KeyCommand): Promise<KeyCommandResult> {
  try {
    const db = await openDatabase(
      config.databaseUrl
        ? { engine: 'postgres', url: config.databaseUrl, poolSize: 2 }
        : { engine: 'pglite', dataDir: config.dataDir },
    );
    try {
      const box = createDataBox(keyring);
      const deps = { db, box, clock: systemClock, columns: ENCRYPTED_COLUMNS, source: keyring.source };
      const result = await runKeyCommand({ ...deps, dataDir: config.dataDir, onProgress: progress }, cmd);
      if (cmd.command === 'rotate') console.log('');
      return result;
    } finally {
      await db.close();
    }
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.log(`the server (PID ${error.pid}) has the data folder: it runs the command`);
    return askRunningServer(error.pid, cmd);
  }
}

const result = await run(command);
for (const line of result.lines) console.log(line);
process.exitCode = result.ok ? 0 : 1;
