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
 * `column` holds one of the request's regions (`gaodi.regions`). The setting is split once per
 * statement (a scalar subquery is an InitPlan), where `gaodi_visible(column)` split it again for
 * every row: a province leader's count over 200,000 of 400,000 projects took 6.6 s, now 0.54 s
 * (EXPLAIN ANALYZE, bench:indicators' data, same load). Same truth table: no setting, no row.
 */
export function visibleSql(column: string): SQL {
  return sql.raw(
    `${column} = ANY ((SELECT string_to_array(current_setting('gaodi.regions', true), ','))::text[])`,
  );
}

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
      using: visibleSql('region_code'),
      withCheck: visibleSql('region_code'),
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
