import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemoData } from '../../demo/demo-data.ts';
import { asOwner, OWNER_ROLE, TEST_START } from '../../test/global-setup.ts';
import { signIn } from '../../test/reliability/api-client.ts';
import { freePort, startServer } from '../../test/reliability/server-process.ts';
import { createManualClock } from '../clock.ts';
import { createDataBox, developmentDataKey } from '../crypto/index.ts';
import { readAppLogin } from '../db/app-login.ts';
import { type AppDb, openDatabase, rowsOf } from '../db/database.ts';
import { writeBackup } from './backup.ts';
import { moveToPostgres } from './move-to-postgres.ts';

// The move from the embedded engine to PostgreSQL needs both: the PostgreSQL pass only. One
// embedded county with the demo data is built here (migrations and demo: most of this file's time).
const adminUrl = inject('pgAdminUrl');
const work = mkdtempSync(join(tmpdir(), 'gaodi-move-test-'));
const created: string[] = [];
const sourceDir = join(work, 'pglite');
const backupDir = join(work, 'backup');
let before: Record<string, string> = {};

/** Every table's row count and the MD5 of its rows' text in order (as backup.int.test.ts compares). */
async function digest(db: AppDb): Promise<Record<string, string>> {
  const tables = rowsOf<{ s: string; t: string }>(
    await db.execute(sql`SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'drizzle') ORDER BY 1, 2`),
  );
  const out: Record<string, string> = {};
  for (const { s, t } of tables) {
    const [row] = rowsOf<{ n: number; h: string }>(
      await db.execute(
        sql.raw(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h
                 FROM "${s}"."${t}" x`),
      ),
    );
    out[`${s}.${t}`] = `${row?.n} ${row?.h}`;
  }
  return out;
}

async function emptyDatabase(): Promise<string> {
  const name = `gaodi_mv_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} OWNER ${OWNER_ROLE}`);
  await admin.end();
  created.push(name);
  return asOwner(adminUrl, name);
}

beforeAll(async () => {
  if (!adminUrl) return;
  mkdirSync(join(sourceDir, 'files/ab'), { recursive: true });
  writeFileSync(join(sourceDir, 'files/ab/abcdef'), '%PDF-1.4 an agreement');
  writeFileSync(join(sourceDir, 'data.key'), developmentDataKey().bytes.toString('base64'));
  const db = await openDatabase({ engine: 'pglite', dataDir: sourceDir, durable: false });
  try {
    await db.migrate();
    await loadDemoData(db, createManualClock(TEST_START), createDataBox(developmentDataKey()));
    await writeBackup(db, { outDir: backupDir, dataDir: sourceDir });
    before = await digest(db.owner);
  } finally {
    await db.close();
  }
}, 300_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!adminUrl) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

/** The real server on the moved database: each county its own rows; new rows need fresh sequence numbers. */
async function serveAfterMove(url: string, filesDir: string) {
  const server = startServer(
    { engine: 'postgres', url, dataDir: filesDir },
    await freePort(),
    join(work, 'server.log'),
  );
  try {
    await server.ready();
    const jx = await signIn(server.base, 'jx_staff');
    const ws = await signIn(server.base, 'ws_staff');
    type List = { items: { regionCode: string }[]; total: number };
    const jxList = (await jx.get('/api/enterprises?pageSize=100')).body as List;
    const wsList = (await ws.get('/api/enterprises?pageSize=100')).body as List;
    expect(jxList.total).toBeGreaterThan(0);
    expect(wsList.total).toBeGreaterThan(0);
    expect(new Set(jxList.items.map((e) => e.regionCode))).toEqual(new Set(['370828']));
    expect(new Set(wsList.items.map((e) => e.regionCode))).toEqual(new Set(['370830']));
    // Each write appends to audit_log and change_feed (bigserial ids): a stale sequence would
    // answer 500 with a duplicate key.
    for (let i = 0; i < 3; i++) {
      const made = await jx.send('POST', '/api/institutes', {
        name: `迁移后院所${i}`,
        kind: 'research',
        level: 'provincial',
      });
      expect(made.status).toBe(200);
    }
  } finally {
    await server.stop();
  }
  const db = await openDatabase({ engine: 'postgres', url, poolSize: 2 });
  try {
    const [counts] = rowsOf<{ audit: number; institutes: number }>(
      await db.owner.execute(sql`SELECT (SELECT count(*)::int FROM audit_log) AS audit,
        (SELECT count(*)::int FROM institutes WHERE name LIKE '迁移后院所%') AS institutes`),
    );
    expect(counts?.institutes).toBe(3);
    expect(counts?.audit).toBeGreaterThan(Number(before['public.audit_log']?.split(' ')[0]));
  } finally {
    await db.close();
  }
}

// Runs on the PostgreSQL pass only: the move needs an empty PostgreSQL database as its target; on
// the PGlite pass there is none (issue 17, reliability: PGlite → PostgreSQL move).
describe.skipIf(!adminUrl)('moving a county from the embedded database to PostgreSQL', () => {
  let url = '';
  const filesDir = join(work, 'pg-files');

  it('copies every table, the uploads and the data key from a PGlite backup into an empty database', async () => {
    url = await emptyDatabase();
    const result = await moveToPostgres(backupDir, { url, dataDir: filesDir });
    expect(result.files).toBe(1);
    expect(result.sequences).toBeGreaterThan(0);
    const db = await openDatabase({ engine: 'postgres', url, poolSize: 2 });
    try {
      const after = await digest(db.owner);
      expect(Object.keys(after).length).toBeGreaterThan(50);
      expect(after).toEqual(before);
      // The application's login role, as a server start makes it (app-login.ts).
      const login = await readAppLogin((db.owner as unknown as { $client: pg.Pool }).$client);
      expect(login?.role).toMatch(/^gaodi_login_/);
    } finally {
      await db.close();
    }
    expect(readFileSync(join(filesDir, 'files/ab/abcdef'), 'utf8')).toBe('%PDF-1.4 an agreement');
    expect(readFileSync(join(filesDir, 'data.key'), 'utf8')).toBe(
      developmentDataKey().bytes.toString('base64'),
    );
  }, 120_000);

  it('refuses a target database that is not empty', async () => {
    await expect(moveToPostgres(backupDir, { url, dataDir: filesDir })).rejects.toThrow(
      /目标 PostgreSQL 数据库不是空的.*not empty/,
    );
  });

  // The real server (a child process, as npm start runs it): about 10 s of its start.
  it('then starts on it: each county sees its own rows, new rows get fresh ids', async () => {
    await serveAfterMove(url, filesDir);
  }, 240_000);

  it('takes a stopped server’s data folder as well, leaving it untouched', async () => {
    const target = await emptyDatabase();
    const result = await moveToPostgres(sourceDir, { url: target, dataDir: sourceDir });
    expect(result.files).toBe(1);
    const db = await openDatabase({ engine: 'postgres', url: target, poolSize: 2 });
    try {
      expect(await digest(db.owner)).toEqual(before);
    } finally {
      await db.close();
    }
    const again = await openDatabase({ engine: 'pglite', dataDir: sourceDir, durable: false });
    try {
      expect(await digest(again.owner)).toEqual(before);
    } finally {
      await again.close();
    }
  }, 120_000);
});
