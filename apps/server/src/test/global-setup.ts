import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadDemoData } from '../demo/demo-data.ts';
import { createManualClock } from '../platform/clock.ts';
import { createDataBox, developmentDataKey } from '../platform/crypto/index.ts';
import { openDatabase } from '../platform/db/database.ts';

export const TEMPLATE_DB = 'gaodi_template';
/**
 * The role the tests' databases belong to: an ordinary role with CREATEROLE, as on a managed
 * PostgreSQL, never the superuser (a superuser bypasses row-level security and would hide what an
 * owner under forced RLS cannot do).
 */
export const OWNER_ROLE = 'gaodi_owner';

/**
 * The instant a test app's clock starts at unless the test says otherwise, and the instant the
 * template's demo data is loaded at: the demo places its year in the year of its clock, so tests
 * that read demo rows read the same rows in any real year.
 */
export const TEST_START = new Date('2026-11-29T02:00:00Z');

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgAdminUrl: string;
  }
}

/**
 * Migrates and seeds one template database per run; each test file clones it (PGlite: a data
 * dump loaded into a fresh instance; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const pgUrl = process.env.GAODI_TEST_PG_URL;
  if (pgUrl) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN
        CREATE ROLE ${OWNER_ROLE} LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS;
      END IF;
    END $$`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB} OWNER ${OWNER_ROLE}`);
    await admin.end();
    const db = await openDatabase({ engine: 'postgres', url: asOwner(pgUrl, TEMPLATE_DB), poolSize: 2 });
    await db.migrate();
    await loadDemoData(db, createManualClock(TEST_START), createDataBox(developmentDataKey()));
    await db.close();
    project.provide('pgAdminUrl', pgUrl);
    project.provide('pgliteTemplate', '');
    return;
  }
  const db = await openDatabase({ engine: 'pglite' });
  await db.migrate();
  await loadDemoData(db, createManualClock(TEST_START), createDataBox(developmentDataKey()));
  const dump = await (
    db.owner as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }
  ).$client.dumpDataDir('none');
  const dir = join(tmpdir(), 'gaodi-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgAdminUrl', '');
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The same server and database, connected as the owner role instead of the admin. */
export function asOwner(url: string, database: string): string {
  const u = new URL(withDatabase(url, database));
  u.username = OWNER_ROLE;
  u.password = '';
  return u.toString();
}
