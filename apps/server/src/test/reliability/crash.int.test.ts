import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { asOwner, OWNER_ROLE, TEMPLATE_DB } from '../global-setup.ts';
import { runCrashTest } from './crash-run.ts';
import type { Target } from './server-process.ts';

// The short crash test (npm run bench:crash runs 50 kills per engine): the real server as a child
// process, SIGKILL at random moments while writers get acknowledged writes, restart without repair.
const KILLS = Number(process.env.GAODI_CRASH_KILLS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'gaodi-crash-'));
const adminUrl = inject('pgAdminUrl');
const dbName = `gaodi_crash_${process.pid}`;

async function target(): Promise<Target> {
  if (!adminUrl) return { engine: 'pglite', dataDir: join(work, 'data') };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB} OWNER ${OWNER_ROLE}`);
  await admin.end();
  return { engine: 'postgres', url: asOwner(adminUrl, dbName), dataDir: join(work, 'files') };
}

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!adminUrl) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

describe(`the server killed (SIGKILL) ${KILLS} times while it acknowledges writes`, () => {
  it('keeps every acknowledged write, writes nothing by halves and starts again without repair', async () => {
    const figures = await runCrashTest({ target: await target(), kills: KILLS, workDir: work });
    expect(figures.problems).toEqual([]);
    expect(figures.kills).toBe(KILLS);
    expect(figures.restartMs).toHaveLength(KILLS);
    expect(figures.acknowledgedWrites).toBeGreaterThan(KILLS);
    expect(figures.checked).toBeGreaterThan(0);
  }, 900_000);
});
