import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, check } from 'drizzle-orm/pg-core';

/**
 * CHECK constraints generated from the declarations in contracts (a pipeline's stages, a kind's
 * values, a pipeline's date order), so the database refuses what the API refuses.
 */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  for (const v of values) if (!/^[a-z0-9_]+$/i.test(v)) throw new Error(`oneOf ${name}: unsafe value ${v}`);
  const list: SQL = sql.raw(values.map((v) => `'${v}'`).join(', '));
  return check(name, sql`${column} IN (${list})`);
}

/** `later` is on or after `earlier` whenever both are set (e.g. landed on or after signed). */
export function onOrAfter(name: string, earlier: AnyPgColumn, later: AnyPgColumn) {
  return check(name, sql`${earlier} IS NULL OR ${later} IS NULL OR ${later} >= ${earlier}`);
}
