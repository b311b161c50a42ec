import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';

const work = mkdtempSync(join(tmpdir(), 'gaodi-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `pid start-time` of a live child process, as its own lock file would hold it. */
function lockLineOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return `${pid} ${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}\n`;
}

describe('one process per embedded data folder', () => {
  it('refuses a second opener of the folder with a clear message, and frees it on close', async () => {
    const dir = join(work, 'db');
    const db = await openDatabase({ engine: 'pglite', dataDir: dir });
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    const second = openDatabase({ engine: 'pglite', dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/正被另一个进程（PID \d+）使用.*only one Gaodi process may open it/);
    await db.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ engine: 'pglite', dataDir: dir });
    await again.close();
  }, 120_000);

  it('refuses while another live process holds the folder; takes over the lock of a process that is gone', async () => {
    const dir = join(work, 'other');
    const child = spawn('sleep', ['30']);
    const pid = child.pid as number;
    await new Promise((r) => child.once('spawn', r));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, LOCK_FILE), lockLineOf(pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // The holder was killed: its lock is stale and the next start takes it without repair.
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    release();
    // A reused PID (same number, another start time) is not the holder either.
    writeFileSync(join(dir, LOCK_FILE), `${process.pid} 1\n`);
    lockDataDir(dir)();
  });
});
