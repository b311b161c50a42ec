import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { rowsOf } from './database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('row-level security in the catalog', () => {
  it('forces RLS on every table that has a region_code column', async () => {
    const rows = rowsOf<{ table: string; rls: boolean; forced: boolean; policies: number }>(
      await t.db.owner.execute(sql`
        SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
               (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'region_code' AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`),
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const unprotected = rows.filter((r) => !r.rls || !r.forced || r.policies === 0).map((r) => r.table);
    expect(unprotected).toEqual([]);
  });

  it('runs requests as a role that is no superuser, cannot bypass RLS and owns no table', async () => {
    const [role] = rowsOf<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      await t.db.owner.execute(sql`
        SELECT r.rolsuper, r.rolbypassrls,
               (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
        FROM pg_roles r WHERE r.rolname = 'gaodi_app'`),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    const who = await t.db.transaction({ userId: null, role: 'staff', regionCodes: ['370828'] }, async (tx) =>
      rowsOf<{ u: string }>(await tx.execute(sql`SELECT current_user AS u`)),
    );
    expect(who[0]?.u).toBe('gaodi_app');
  });

  it('connects requests as a login that owns nothing: no way back to the owner, RLS cannot be switched off', async () => {
    const scope = { userId: null, role: 'staff', regionCodes: ['370828'] };
    // The database's own refusal (drizzle wraps it): "<SQLSTATE> <message>", or the count read.
    const attempt = (statement: ReturnType<typeof sql>) =>
      t.db
        .transaction(scope, async (tx) => {
          await tx.execute(statement);
          return rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM enterprises`))[0]
            ?.n;
        })
        .catch(
          (error: { cause?: { code?: string; message?: string } }) =>
            `${error.cause?.code} ${error.cause?.message}`,
        );
    const who = await t.db.transaction(scope, async (tx) =>
      rowsOf<{ session: string; current: string }>(
        await tx.execute(sql`SELECT session_user AS session, current_user AS current`),
      ),
    );
    const roles = [who[0]?.current ?? '', ...(t.db.engine === 'postgres' ? [who[0]?.session ?? ''] : [])];
    const owned = rowsOf<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      await t.db.owner.execute(sql`
        SELECT r.rolname, r.rolsuper, r.rolbypassrls,
               (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid)
             + (SELECT count(*)::int FROM pg_namespace n WHERE n.nspowner = r.oid)
             + (SELECT count(*)::int FROM pg_proc p WHERE p.proowner = r.oid) AS owned
        FROM pg_roles r WHERE r.rolname IN (${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )})`),
    );
    expect(owned).toEqual(
      roles.map((rolname) => ({ rolname, rolsuper: false, rolbypassrls: false, owned: 0 })),
    );
    expect(await attempt(sql`ALTER TABLE enterprises DISABLE ROW LEVEL SECURITY`)).toMatch(
      /^42501 must be owner/,
    );
    expect(await attempt(sql`ALTER TABLE enterprises NO FORCE ROW LEVEL SECURITY`)).toMatch(
      /^42501 must be owner/,
    );
    // Setting it is allowed; any query RLS would filter is then refused instead of unfiltered.
    expect(await attempt(sql`SET LOCAL row_security = off`)).toMatch(/^42501 .*row-level security/);
    // PGlite: one in-process connection whose session user is its superuser, so SET ROLE / RESET
    // ROLE reach any role there; what the SQL of a request can do is bounded by the checks above.
    if (t.db.engine === 'pglite') return;
    const [table] = rowsOf<{ owner: string }>(
      await t.db.owner.execute(
        sql`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'enterprises'`,
      ),
    );
    expect(await attempt(sql`SET LOCAL ROLE ${sql.identifier(table?.owner ?? '')}`)).toMatch(
      /^42501 permission denied/,
    );
    expect(who[0]).toEqual({ session: expect.stringMatching(/^gaodi_login_/), current: 'gaodi_app' });
    // RESET ROLE inside a request returns to the login, which holds no privilege on any table.
    expect(await attempt(sql`RESET ROLE`)).toMatch(/^42501 permission denied/);
    const [login] = rowsOf<{ member_of: string[]; inherits: boolean }>(
      await t.db.owner.execute(sql`
        SELECT array(SELECT b.rolname::text FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid
                     WHERE m.member = r.oid) AS member_of, r.rolinherit AS inherits
        FROM pg_roles r WHERE r.rolname = ${who[0]?.session}`),
    );
    expect(login).toEqual({ member_of: ['gaodi_app'], inherits: false });
  });

  it('lets the owner work across regions under forced RLS, and binds requests by the restrictive policies', async () => {
    // On PostgreSQL the tests' databases belong to an ordinary role (as on a managed server), so
    // forced RLS applies to the owner: it works through its own policy, not a superuser's bypass.
    const [owner] = rowsOf<{ rolsuper: boolean; inherits_app: boolean; may_set_app: boolean }>(
      await t.db.owner.execute(sql`
        SELECT r.rolsuper, pg_has_role(current_user, 'gaodi_app', 'USAGE') AS inherits_app,
               pg_has_role(current_user, 'gaodi_app', 'MEMBER') AS may_set_app
        FROM pg_roles r WHERE r.rolname = current_user`),
    );
    if (t.db.engine === 'postgres')
      expect(owner).toEqual({ rolsuper: false, inherits_app: false, may_set_app: true });
    const [counts] = rowsOf<{ regions: number; users: number }>(
      await t.db.owner.execute(
        sql`SELECT (SELECT count(DISTINCT region_code)::int FROM enterprises) AS regions, (SELECT count(*)::int FROM users) AS users`,
      ),
    );
    expect(counts?.regions).toBeGreaterThanOrEqual(2);
    expect(counts?.users).toBeGreaterThanOrEqual(12);
    // Every restrictive policy names gaodi_app, so none is left binding the owner by PUBLIC.
    const publicRestrictive = rowsOf<{ policyname: string }>(
      await t.db.owner.execute(
        sql`SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND permissive = 'RESTRICTIVE' AND NOT ('gaodi_app' = ANY (roles))`,
      ),
    );
    expect(publicRestrictive).toEqual([]);
  });

  it('shows zero rows without a region context, and only the scope’s regions with one', async () => {
    const count = (regionCodes: string[]) =>
      t.db.transaction({ userId: null, role: 'staff', regionCodes }, async (tx) =>
        rowsOf<{ region_code: string }>(
          await tx.execute(sql`SELECT DISTINCT region_code FROM enterprises ORDER BY 1`),
        ).map((r) => r.region_code),
      );
    expect(await count([])).toEqual([]);
    expect(await count(['370828'])).toEqual(['370828']);
    expect(await count(['370800', '370828', '370830'])).toEqual(['370828', '370830']);
  });
});
