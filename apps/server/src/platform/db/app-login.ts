import { randomBytes } from 'node:crypto';
import type pg from 'pg';

/**
 * The login role requests connect as on PostgreSQL (issue 9): it owns nothing, is no superuser,
 * has no BYPASSRLS and is a NOINHERIT member of `gaodi_app` only. Every request transaction does
 * `SET LOCAL ROLE gaodi_app`; a `RESET ROLE` smuggled into a request returns to this role, which
 * holds no privilege at all — never to the owner, which connects on its own pool for migrations,
 * demo data and scheduled jobs.
 *
 * Its name and password live in `gaodi_private.app_login`, a schema the application role cannot
 * reach; every process of one database reads the same pair (no extra configuration), a restore
 * into another cluster recreates the role from it. The name carries the database's so that two
 * databases of one cluster do not overwrite each other's password.
 */
export type AppLogin = { role: string; password: string };

const SETUP = `
CREATE SCHEMA IF NOT EXISTS gaodi_private;
REVOKE ALL ON SCHEMA gaodi_private FROM PUBLIC;
CREATE TABLE IF NOT EXISTS gaodi_private.app_login (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  role text NOT NULL,
  password text NOT NULL
);
REVOKE ALL ON gaodi_private.app_login FROM PUBLIC;`;

function loginRoleName(database: string): string {
  return `gaodi_login_${database.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Creates (or repairs) the login role and its stored secret; run by the owner after migrating. */
export async function ensureAppLogin(client: pg.PoolClient): Promise<AppLogin> {
  await client.query(SETUP);
  const stored = await client.query<AppLogin>('SELECT role, password FROM gaodi_private.app_login');
  let login = stored.rows[0];
  if (!login) {
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    login = { role: loginRoleName(rows[0]?.db ?? 'gaodi'), password: randomBytes(24).toString('base64url') };
    await client.query('INSERT INTO gaodi_private.app_login (role, password) VALUES ($1, $2)', [
      login.role,
      login.password,
    ]);
  }
  const role = quoteIdent(login.role);
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login.role]);
  // Only a superuser may name SUPERUSER / BYPASSRLS in ALTER ROLE; a role made here never has them.
  const attributes = exists.rowCount
    ? 'LOGIN NOINHERIT'
    : 'LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE';
  await client.query(
    `${exists.rowCount ? 'ALTER' : 'CREATE'} ROLE ${role} ${attributes} PASSWORD ${quoteLiteral(login.password)}`,
  );
  await client.query(`GRANT gaodi_app TO ${role}`);
  return login;
}

/** The stored login, or null before the first migration on this database. */
export async function readAppLogin(client: pg.Pool): Promise<AppLogin | null> {
  const table = await client.query<{ t: string | null }>(
    `SELECT to_regclass('gaodi_private.app_login')::text AS t`,
  );
  if (!table.rows[0]?.t) return null;
  const { rows } = await client.query<AppLogin>('SELECT role, password FROM gaodi_private.app_login');
  return rows[0] ?? null;
}

/** The owner's connection string with the login's name and password instead. */
export function loginUrl(ownerUrl: string, login: AppLogin): string {
  const url = new URL(ownerUrl);
  url.username = login.role;
  url.password = login.password;
  return url.toString();
}
