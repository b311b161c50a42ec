import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { chinaDay, claimJobRun, finishJobRun, type ScheduledJob } from '../jobs/jobs.ts';
import { MANIFEST, type Manifest, writeBackup } from './backup.ts';
import { backupsToKeep, type Retention } from './retention.ts';

export const BACKUP_JOB = 'backup.daily';
/** Where `npm run backup` asks a running embedded server for a backup (then sends it SIGUSR2). */
export const BACKUP_REQUEST = 'backup-request.json';

export type BackupDeps = { db: Database; dataDir: string; databaseUrl?: string };

/** gaodi-pglite-20261129T020000Z: sorts by time, says the engine. */
export function backupFolderName(engine: Database['engine'], at: Date): string {
  return `gaodi-${engine}-${at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** Deletes the finished backups under `dir` the retention does not keep; returns their names. */
export function pruneBackups(dir: string, retention: Retention): string[] {
  if (!existsSync(dir)) return [];
  const backups = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, MANIFEST)))
    .map((name) => {
      const manifest = JSON.parse(readFileSync(join(dir, name, MANIFEST), 'utf8')) as Manifest;
      return { name, at: new Date(manifest.createdAt) };
    });
  const keep = backupsToKeep(backups, retention);
  const gone = backups.filter((b) => !keep.has(b));
  for (const b of gone) rmSync(join(dir, b.name), { recursive: true, force: true });
  return gone.map((b) => b.name);
}

/** The daily backup (GAODI_BACKUP_DIR): once per China day across processes, then the rotation. */
export function backupJob(
  deps: BackupDeps & { clock: Clock; dir: string; retention: Retention },
): ScheduledJob {
  return {
    name: BACKUP_JOB,
    everyMs: 60 * 60_000,
    run: async () => {
      const now = deps.clock.now();
      const day = chinaDay(now);
      const claimed = await deps.db.owner.transaction((tx) => claimJobRun(tx, BACKUP_JOB, 'all', day, now));
      if (!claimed) return { skipped: day };
      const manifest = await writeBackup(deps.db, {
        outDir: join(deps.dir, backupFolderName(deps.db.engine, now)),
        dataDir: deps.dataDir,
        databaseUrl: deps.databaseUrl,
        now,
      });
      const pruned = pruneBackups(deps.dir, deps.retention);
      await deps.db.owner.transaction((tx) =>
        finishJobRun(tx, BACKUP_JOB, 'all', day, deps.clock.now(), { seconds: manifest.seconds, pruned }),
      );
      return { day, seconds: manifest.seconds, pruned: pruned.length };
    },
  };
}

/**
 * The embedded engine has one process: `npm run backup` writes the request file and sends SIGUSR2,
 * the server writes the backup (or `<outDir>.error`).
 */
export function answerBackupRequests(deps: BackupDeps, log: { error: (o: object, m: string) => void }) {
  process.on('SIGUSR2', () => {
    const file = join(deps.dataDir, BACKUP_REQUEST);
    if (!existsSync(file)) return;
    const { outDir } = JSON.parse(readFileSync(file, 'utf8')) as { outDir: string };
    rmSync(file, { force: true });
    writeBackup(deps.db, { outDir, dataDir: deps.dataDir }).catch((error: Error) => {
      log.error({ error: error.message }, 'backup failed');
      writeFileSync(`${outDir}.error`, error.message);
    });
  });
}
