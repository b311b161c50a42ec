import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file inside an embedded data folder: `pid start-time` of the process that opened it. */
export const LOCK_FILE = 'gaodi.lock';

/** Thrown when another live process has the folder open; the message names it (Chinese first). */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个进程（PID ${pid}）使用：同一目录只能由一个高地服务打开。请先停止该进程（或改用 PostgreSQL 让多个进程共用数据库）。` +
        ` / The data folder ${dataDir} is in use by another process (PID ${pid}): only one Gaodi process may open it. Stop that process first (or use PostgreSQL to share a database between processes).`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** A process's start time in clock ticks since boot (Linux /proc), so a reused PID is not mistaken for the owner. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number, startTime: string | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (existsSync('/proc/self/stat')) {
    const now = startTimeOf(pid);
    return now !== null && (!startTime || now === startTime);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder for this process: creates the lock file exclusively; a lock left by a process
 * that is gone (killed, power cut) is taken over; a live owner → DataDirLockedError. PGlite runs
 * PostgreSQL in one process without the postmaster's own interlock (its postmaster.pid holds a
 * made-up PID), so two processes on one folder would each write pages and WAL the other does not
 * know of. Returns the release function (removes the file if it is still ours).
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const mine = `${process.pid} ${startTimeOf(process.pid) ?? ''}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // removed meanwhile: try again
    }
    const [pidText, startTime] = text.trim().split(' ');
    const pid = Number(pidText);
    if (pid === process.pid && text === mine) throw new DataDirLockedError(dataDir, pid);
    if (isAlive(pid, startTime)) throw new DataDirLockedError(dataDir, pid);
    try {
      unlinkSync(file); // stale: its process is gone
    } catch {
      // another starter removed it first; the exclusive create decides
    }
  }
  throw new Error(`could not lock ${file}`);
}
