// Row-level security drift check (part of `npm run db:check`). Migrates a fresh in-memory PGlite,
// reads the live policies and RLS flags, and fails when they differ from
//   - the declarations beside the tables (pgPolicy / enableRLS in apps/server/src/**/*.table.ts),
//   - the committed snapshot apps/server/src/migrations/policies.snapshot.json,
// or when a table with region_code lacks forced RLS or declares no tenant policies.
// Declared expressions are compared as PostgreSQL prints them: each declaration is created on a
// scratch copy of its table's policies inside a rolled-back transaction and read back.
//   npx tsx scripts/policy-check.ts [--migrations DIR] [--snapshot FILE] [--write]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { is, SQL } from 'drizzle-orm';
import { getTableConfig, PgDialect, type PgPolicy, PgRole, PgTable } from 'drizzle-orm/pg-core';

const root = resolve(import.meta.dirname, '..');
const serverSrc = `${root}/apps/server/src`;
export const defaultSnapshot = `${serverSrc}/migrations/policies.snapshot.json`;

export type PolicyRow = {
  table: string;
  name: string;
  as: string;
  for: string;
  to: string[];
  using: string | null;
  withCheck: string | null;
};
export type TableRow = { table: string; regionCode: boolean; rls: boolean; force: boolean };
export type Snapshot = { tables: TableRow[]; policies: PolicyRow[] };
type Declared = Map<string, { rls: boolean; policies: PgPolicy[] }>;

/** Runs every migration of `folder` on an empty in-memory PGlite, then secures the tenant tables. */
async function migrateFresh(folder: string): Promise<PGlite> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = new PGlite();
  await client.waitReady;
  await migrate(drizzle(client), { migrationsFolder: folder });
  await client.query('SELECT gaodi_secure_tenant_tables()');
  return client;
}

const OWNER = '<owner>';

async function ownerName(client: PGlite): Promise<string> {
  return (await client.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u ?? '';
}

async function readPolicies(client: PGlite, owner: string, where = ''): Promise<PolicyRow[]> {
  const { rows } = await client.query<{
    table: string;
    name: string;
    as: string;
    for: string;
    to: string[];
    using: string | null;
    withCheck: string | null;
  }>(`SELECT tablename AS table, policyname AS name, lower(permissive) AS as, lower(cmd) AS for,
      roles::text[] AS to, qual AS using, with_check AS "withCheck"
    FROM pg_policies WHERE schemaname = 'public' ${where} ORDER BY tablename, policyname`);
  return rows.map((r) => ({ ...r, to: r.to.map((role) => (role === owner ? OWNER : role)).sort() }));
}

/** The live state: tables with RLS or region_code, and every policy in schema public. */
export async function readLive(client: PGlite): Promise<Snapshot> {
  const owner = await ownerName(client);
  const { rows: tables } = await client.query<TableRow>(`
    SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS force,
      EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'region_code'
        AND NOT a.attisdropped) AS "regionCode"
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`);
  const policies = await readPolicies(client, owner, "AND policyname NOT LIKE 'gaodi_declared_%'");
  return {
    tables: tables
      .filter((t) => t.rls || t.regionCode)
      .map((t) => ({ table: t.table, regionCode: t.regionCode, rls: t.rls, force: t.force })),
    policies,
  };
}

/** Every pgTable exported by a *.table.ts file, with its declared policies and RLS flag. */
export async function readDeclared(): Promise<Declared> {
  const files = readdirSync(serverSrc, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.table.ts'),
  );
  const declared: Declared = new Map();
  for (const file of files.sort()) {
    const exports = (await import(pathToFileURL(`${serverSrc}/${file}`).href)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value);
      declared.set(config.name, {
        rls: config.enableRLS || config.policies.length > 0,
        policies: config.policies,
      });
    }
  }
  return declared;
}

const dialect = new PgDialect();
const text = (s: SQL | undefined) => (s && is(s, SQL) ? dialect.sqlToQuery(s).sql : undefined);
const roleOf = (r: unknown) => {
  const name = is(r, PgRole) ? r.name : String(r);
  return ['current_user', 'current_role', 'session_user', 'public'].includes(name) ? name : `"${name}"`;
};

function createStatement(table: string, name: string, p: PgPolicy): string {
  const to = (Array.isArray(p.to) ? p.to : [p.to ?? 'public']).map(roleOf).join(', ');
  const using = text(p.using);
  const check = text(p.withCheck);
  return `CREATE POLICY "${name}" ON "${table}" AS ${(p.as ?? 'permissive').toUpperCase()}
    FOR ${(p.for ?? 'all').toUpperCase()} TO ${to}${using ? ` USING (${using})` : ''}${check ? ` WITH CHECK (${check})` : ''}`;
}

/**
 * The declared policies as PostgreSQL prints them: each is created under a scratch name on a
 * migrated database in a transaction that is rolled back.
 */
export async function printDeclared(client: PGlite, declared: Declared): Promise<PolicyRow[]> {
  const owner = await ownerName(client);
  const names = new Map<string, string>();
  const printed: PolicyRow[] = [];
  const failures: string[] = [];
  await client.exec('BEGIN');
  try {
    let i = 0;
    for (const [table, { policies }] of declared) {
      for (const policy of policies) {
        const scratch = `gaodi_declared_${i++}`;
        names.set(scratch, policy.name);
        await client.exec(`SAVEPOINT p; ${createStatement(table, scratch, policy)}`).then(
          () => client.exec('RELEASE SAVEPOINT p'),
          async (e: Error) => {
            await client.exec('ROLLBACK TO SAVEPOINT p');
            failures.push(
              `policy ${policy.name} on ${table}: its declaration does not compile (${e.message})`,
            );
          },
        );
      }
    }
    for (const row of await readPolicies(client, owner, "AND policyname LIKE 'gaodi_declared_%'")) {
      printed.push({ ...row, name: names.get(row.name) ?? row.name });
    }
  } finally {
    await client.exec('ROLLBACK');
  }
  if (failures.length) throw new Error(failures.join('\n'));
  return printed.sort((a, b) => key(a).localeCompare(key(b)));
}

const key = (p: PolicyRow) => `${p.table}.${p.name}`;
const show = (p: PolicyRow) =>
  `AS ${p.as} FOR ${p.for} TO ${p.to.join(',')} USING (${p.using ?? ''}) WITH CHECK (${p.withCheck ?? ''})`;
const same = (a: PolicyRow, b: PolicyRow) => show(a) === show(b);

/** Differences between two sets of policies, in words; `left`/`right` name the two sides. */
export function comparePolicies(
  left: { name: string; rows: PolicyRow[] },
  right: { name: string; rows: PolicyRow[] },
): string[] {
  const problems: string[] = [];
  const rights = new Map(right.rows.map((p) => [key(p), p]));
  const lefts = new Map(left.rows.map((p) => [key(p), p]));
  for (const [k, l] of lefts) {
    const r = rights.get(k);
    if (!r) problems.push(`policy ${l.name} on ${l.table} is in ${left.name} but not in ${right.name}`);
    else if (!same(l, r))
      problems.push(
        `policy ${l.name} on ${l.table} differs:\n    ${left.name}: ${show(l)}\n    ${right.name}: ${show(r)}`,
      );
  }
  for (const [k, r] of rights) {
    if (!lefts.has(k))
      problems.push(`policy ${r.name} on ${r.table} is in ${right.name} but not in ${left.name}`);
  }
  return problems;
}

/** Tables: region_code needs forced RLS and declared tenant policies; RLS flags match declarations. */
export function checkTables(live: Snapshot, declared: Declared): string[] {
  const problems: string[] = [];
  for (const t of live.tables) {
    const d = declared.get(t.table);
    if (t.regionCode && !(t.rls && t.force)) {
      problems.push(`table ${t.table} has region_code but row-level security is not enabled and forced`);
    }
    if (t.regionCode && !d?.policies.some((p) => p.name === 'tenant_region')) {
      problems.push(
        `table ${t.table} has region_code but declares no tenant policies: add ...tenantPolicies() (platform/db/policies.ts) to its pgTable`,
      );
    }
    if (t.rls && !d?.rls) {
      problems.push(
        `table ${t.table} has row-level security in the database but its declaration neither enables it nor has policies`,
      );
    }
  }
  for (const [table, d] of declared) {
    if (d.rls && !live.tables.some((t) => t.table === table && t.rls)) {
      problems.push(
        `table ${table} declares row-level security but the migrated database does not enable it`,
      );
    }
  }
  return problems;
}

function compareTables(live: TableRow[], snapshot: TableRow[]): string[] {
  const shown = (t?: TableRow) =>
    t ? `rls=${t.rls} force=${t.force} region_code=${t.regionCode}` : 'absent';
  const names = new Set([...live, ...snapshot].map((t) => t.table));
  const problems: string[] = [];
  for (const name of [...names].sort()) {
    const l = live.find((t) => t.table === name);
    const s = snapshot.find((t) => t.table === name);
    if (shown(l) !== shown(s)) {
      problems.push(`table ${name}: migrated database ${shown(l)}, snapshot ${shown(s)}`);
    }
  }
  return problems;
}

export type CheckOptions = { migrations?: string; snapshot?: string; write?: boolean };

/** The whole check; returns the problems found (none: the three agree). */
export async function checkPolicies(
  options: CheckOptions = {},
): Promise<{ problems: string[]; live: Snapshot }> {
  const snapshotFile = options.snapshot ?? defaultSnapshot;
  const client = await migrateFresh(options.migrations ?? `${serverSrc}/migrations`);
  try {
    const live = await readLive(client);
    const declared = await readDeclared();
    const printed = await printDeclared(client, declared);
    if (options.write) writeFileSync(snapshotFile, `${JSON.stringify(live, null, 1)}\n`);
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot;
    const problems = [
      ...checkTables(live, declared),
      ...comparePolicies(
        { name: 'the migrated database', rows: live.policies },
        { name: 'the declarations (*.table.ts)', rows: printed },
      ),
      ...comparePolicies(
        { name: 'the migrated database', rows: live.policies },
        { name: 'policies.snapshot.json', rows: snapshot.policies },
      ),
      ...compareTables(live.tables, snapshot.tables),
    ];
    return { problems, live };
  } finally {
    await client.close();
  }
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { problems, live } = await checkPolicies({
    migrations: argument('--migrations'),
    snapshot: argument('--snapshot'),
    write: process.argv.includes('--write'),
  });
  if (problems.length) {
    console.error(`db:check: row-level security drift (${problems.length}):\n  ${problems.join('\n  ')}`);
    console.error(
      'Declare policies beside their tables (platform/db/policies.ts), run npm run db:generate -- --name <what>,\n' +
        'then refresh the snapshot with npx tsx scripts/policy-check.ts --write and commit it.',
    );
    process.exit(1);
  }
  console.log(
    `db:check: ${live.policies.length} policies on ${live.tables.filter((t) => t.rls).length} tables agree with their declarations and the snapshot`,
  );
}
