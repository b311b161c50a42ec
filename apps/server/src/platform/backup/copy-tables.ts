import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * Copies every row and sequence of an embedded (PGlite) database into a PostgreSQL database that
 * the same migrations made, in one transaction on the target. Rows travel as the row type's text
 * (`x::text`, read back by the table's own input function: what COPY and pg_dump rely on), so
 * every value arrives as it was, whatever its type. While copying, the target's own triggers are
 * off (no audit rows, versions or feed changes for copied rows), forced row-level security is
 * lifted for the owner, and foreign keys are deferred to the end and then checked: all restored
 * before the commit. Needs the table owner only, not a superuser (a managed PostgreSQL).
 */
export type CopyResult = { tables: number; rows: number; sequences: number };

type Table = { schema: string; name: string; columns: string[] };
type State = {
  triggers: { table: string; name: string; enabled: string }[];
  forced: string[];
  foreignKeys: { table: string; name: string }[];
};

const BATCH = 1000;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (t: { schema: string; name: string }) => `${ident(t.schema)}.${ident(t.name)}`;
/** The application's schemas: what is not PostgreSQL's own, drizzle's journal (each side keeps its own) or the PostgreSQL-only login secret. */
const OWN_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'drizzle', 'gaodi_private') AND n.nspname NOT LIKE 'pg\\_%'`;

const TABLES_SQL = `SELECT n.nspname AS schema, c.relname AS name,
    array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '') AS columns,
    array_agg(a.attname::text ORDER BY a.attnum) AS all_columns
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE c.relkind = 'r' AND ${OWN_SCHEMAS}
  GROUP BY 1, 2 ORDER BY 1, 2`;
const SEQUENCES_SQL = `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND ${OWN_SCHEMAS} ORDER BY 1, 2`;

type TableRow = { schema: string; name: string; columns: string[]; all_columns: string[] };
const shape = (rows: TableRow[]) =>
  new Map(rows.map((r) => [`${r.schema}.${r.name}`, r.all_columns.join(',')] as const));

/** The target must have the source's tables with the same columns in the same order (the same migrations). */
function compareShapes(source: TableRow[], target: TableRow[]) {
  const [from, to] = [shape(source), shape(target)];
  const problems = [
    ...[...from].flatMap(([table, columns]) =>
      to.get(table) === columns ? [] : [`${table}: ${to.has(table) ? 'columns differ' : 'missing'}`],
    ),
    ...[...to.keys()].filter((table) => !from.has(table)).map((table) => `${table}: not in the source`),
  ];
  if (problems.length)
    throw new Error(`目标数据库的表结构与源不同 / the target's tables differ: ${problems.join('; ')}`);
}

/** Triggers off, forced RLS lifted, foreign keys deferred; remembers each so it is put back as it was. */
async function loosen(target: pg.ClientBase): Promise<State> {
  const triggers = (
    await target.query<{ table: string; name: string; enabled: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS table, t.tgname AS name, t.tgenabled AS enabled
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND ${OWN_SCHEMAS}`,
    )
  ).rows;
  const forced = (
    await target.query<{ table: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS table FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND c.relforcerowsecurity AND ${OWN_SCHEMAS}`,
    )
  ).rows.map((r) => r.table);
  const foreignKeys = (
    await target.query<{ table: string; name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS table, k.conname AS name FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE k.contype = 'f' AND NOT k.condeferrable AND ${OWN_SCHEMAS}`,
    )
  ).rows;
  for (const t of triggers) await target.query(`ALTER TABLE ${t.table} DISABLE TRIGGER ${ident(t.name)}`);
  for (const t of forced) await target.query(`ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`);
  for (const k of foreignKeys)
    await target.query(
      `ALTER TABLE ${k.table} ALTER CONSTRAINT ${ident(k.name)} DEFERRABLE INITIALLY DEFERRED`,
    );
  return { triggers, forced, foreignKeys };
}

/** Checks the deferred foreign keys now, then puts constraints, RLS and triggers back as they were. */
async function tighten(target: pg.ClientBase, state: State) {
  await target.query('SET CONSTRAINTS ALL IMMEDIATE');
  for (const k of state.foreignKeys)
    await target.query(`ALTER TABLE ${k.table} ALTER CONSTRAINT ${ident(k.name)} NOT DEFERRABLE`);
  for (const t of state.forced) await target.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
  const how: Record<string, string> = { O: 'ENABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' };
  for (const t of state.triggers)
    await target.query(`ALTER TABLE ${t.table} ${how[t.enabled] ?? 'ENABLE'} TRIGGER ${ident(t.name)}`);
}

/** One table through a cursor on the source, `BATCH` rows per INSERT on the target. */
async function copyTable(source: Transaction, target: pg.ClientBase, table: Table): Promise<number> {
  const name = qualified(table);
  const columns = table.columns.map(ident).join(', ');
  const insert = `INSERT INTO ${name} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${columns} FROM unnest($1::text[]::${name}[])`;
  await source.query(`DECLARE gaodi_move NO SCROLL CURSOR FOR SELECT x::text AS r FROM ${name} x`);
  let rows = 0;
  for (;;) {
    const batch = (await source.query<{ r: string }>(`FETCH ${BATCH} FROM gaodi_move`)).rows;
    if (batch.length === 0) break;
    await target.query(insert, [batch.map((b) => b.r)]);
    rows += batch.length;
  }
  await source.query('CLOSE gaodi_move');
  return rows;
}

/** Every sequence's position as on the source, so the next row gets a fresh number. */
async function copySequences(source: Transaction, target: pg.ClientBase): Promise<number> {
  const sequences = (await source.query<{ schema: string; name: string }>(SEQUENCES_SQL)).rows;
  for (const s of sequences) {
    const [at] = (
      await source.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${qualified(s)}`,
      )
    ).rows;
    if (at)
      await target.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        qualified(s),
        at.last_value,
        at.is_called,
      ]);
  }
  return sequences.length;
}

/** The copy: `target` is a connection to the migrated, empty target database, not in a transaction. */
export async function copyTables(source: PGlite, target: pg.ClientBase): Promise<CopyResult> {
  const from = (await source.query<TableRow>(TABLES_SQL)).rows;
  compareShapes(from, (await target.query<TableRow>(TABLES_SQL)).rows);
  return source.transaction(async (tx) => {
    await target.query('BEGIN');
    try {
      const state = await loosen(target);
      // Rows the migrations themselves wrote (seed rows) come again with the source's.
      await target.query(`TRUNCATE ${from.map(qualified).join(', ')}`);
      let rows = 0;
      for (const table of from) rows += await copyTable(tx, target, table);
      const sequences = await copySequences(tx, target);
      await tighten(target, state);
      await target.query('COMMIT');
      return { tables: from.length, rows, sequences };
    } catch (error) {
      await target.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
