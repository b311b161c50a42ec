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
