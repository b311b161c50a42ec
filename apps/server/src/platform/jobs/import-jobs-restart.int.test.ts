import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplateDatabase, createTestApp, type TestApp } from '../../test/harness.ts';
import { rowsOf } from '../db/database.ts';
import { failInterruptedImportJobs, INTERRUPTED } from './import-jobs.ts';

/** A job row as a process leaves it when it is killed mid-import: 'running', nobody working on it. */
async function leftRunning(t: Pick<TestApp, 'db'>, kind: string): Promise<string> {
  const [job] = rowsOf<{ id: string }>(
    await t.db.owner.execute(sql`
      INSERT INTO import_jobs (region_code, user_id, kind, status, total, done, started_at)
      SELECT region_code, id, ${kind}, 'running', 200000, 5000, now() - interval '5 minutes'
      FROM users WHERE username = 'jx_staff' RETURNING id`),
  );
  return job?.id ?? '';
}

let t: TestApp;
let stale = '';
beforeAll(async () => {
  const db = await cloneTemplateDatabase();
  stale = await leftRunning({ db }, 'enterprise-import');
  t = await createTestApp({ db }); // the start-up of the next process
});
afterAll(() => t.close());

describe('import jobs after a crash', () => {
  it('a job the killed process left running reads failed with the reason once the server starts', async () => {
    const staff = await t.login('jx_staff');
    const job = (await staff.get(`/api/import-jobs/${stale}`)).json();
    expect(job).toMatchObject({ status: 'failed', error: INTERRUPTED });
    expect(job.finishedAt).not.toBeNull();
  });

  it('leaves alone a job another live process is working on (its transaction holds the row)', async () => {
    if (t.db.engine === 'pglite') return; // one process per data folder: nobody else can be running a job
    const live = await leftRunning(t, 'talent-ledger');
    await t.db.owner.transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM import_jobs WHERE id = ${live} FOR UPDATE`);
      expect(await failInterruptedImportJobs(t.db, t.clock)).toBe(0);
    });
    expect(await failInterruptedImportJobs(t.db, t.clock)).toBe(1); // its holder is gone now
  });
});
