import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** Where the server lives: an embedded data folder, or a PostgreSQL database (files still in `dataDir`). */
export type Target =
  | { engine: 'pglite'; dataDir: string }
  | { engine: 'postgres'; url: string; dataDir: string };

export const REPO_ROOT = resolve(import.meta.dirname, '../../../../..');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
    srv.on('error', fail);
  });
}

export type ServerChild = {
  base: string;
  child: ChildProcess;
  /** Resolves with the process's exit code (null after a signal). */
  exited: Promise<number | null>;
  /** Waits for /api/health to answer ok; the milliseconds it took from the spawn. */
  ready: (timeoutMs?: number) => Promise<number>;
  kill: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The real server (apps/server/src/main.ts) as a child process on loopback, as `npm start` runs it:
 * migrations, demo data once, the scheduler. Its output goes to `logFile`.
 */
export function startServer(
  target: Target,
  port: number,
  logFile: string,
  env: Record<string, string> = {},
): ServerChild {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      GAODI_DEMO: '1',
      GAODI_DATA_DIR: target.dataDir,
      DATABASE_URL: target.engine === 'postgres' ? target.url : '',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const base = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  return {
    base,
    child,
    exited,
    ready: async (timeoutMs = 180_000) => {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
        if (gone) throw new Error(`the server exited before it was ready (see ${logFile})`);
        try {
          const res = await fetch(`${base}/api/health`);
          if (res.ok && ((await res.json()) as { status: string }).status === 'ok')
            return performance.now() - started;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the server was not ready within ${timeoutMs} ms (see ${logFile})`);
    },
    kill: async () => {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}
