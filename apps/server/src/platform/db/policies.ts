// Row-level policies are declared beside their tables (the third argument of pgTable) with these
// helpers; drizzle-kit writes them into migrations, and scripts/policy-check.ts compares the
// policies of a freshly migrated database with these declarations and with the committed
// snapshot (apps/server/src/migrations/policies.snapshot.json). FORCE ROW LEVEL SECURITY, the
// grants and the restrictive-to-gaodi_app rewrite stay in gaodi_secure_tenant_tables().
import { type SQL, sql } from 'drizzle-orm';
import { type PgPolicy, pgPolicy, pgRole } from 'drizzle-orm/pg-core';

/** The role every request runs as (created by migration 0001; drizzle-kit does not manage it). */
export const appRole = pgRole('gaodi_app').existing();

type Command = 'all' | 'select' | 'insert' | 'update' | 'delete';
type Rule = { using?: SQL; withCheck?: SQL };

/**
 * The two policies of every tenant table: rows of the regions in `gaodi.regions`, and the
 * owner connection's cross-region work (migrations, demo data, jobs, sign-in functions).
 */
export function tenantPolicies(): PgPolicy[] {
  return [
    pgPolicy('tenant_region', {
      as: 'permissive',
      for: 'all',
      to: 'public',
      using: sql`gaodi_visible(region_code)`,
      withCheck: sql`gaodi_visible(region_code)`,
    }),
    pgPolicy('owner_all', {
      as: 'permissive',
      for: 'all',
      to: 'current_user',
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ];
}

/** A RESTRICTIVE policy for gaodi_app: narrows what the permissive policies let a request see or write. */
export function restrict(name: string, command: Command, rule: Rule): PgPolicy {
  return pgPolicy(name, { as: 'restrictive', for: command, to: appRole, ...rule });
}

/** A PERMISSIVE policy: widens what a request sees (a region above, an R&D site, one's own row). */
export function allow(
  name: string,
  command: Command,
  rule: Rule,
  to: 'public' | typeof appRole = 'public',
): PgPolicy {
  return pgPolicy(name, { as: 'permissive', for: command, to, ...rule });
}
