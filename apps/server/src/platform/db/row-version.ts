import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/pg-core';

/**
 * Columns of an editable record under optimistic concurrency (http/optimistic.ts): `version`, raised
 * by the `gaodi_row_version` trigger on every update that changes a column (not the version
 * columns, updated_at or search_text), and the columns that update changed, for the 409 answer.
 */
export const versioned = () => ({
  version: integer('version').notNull().default(1),
  changedFields: text('changed_fields').array().notNull().default(sql`'{}'::text[]`),
});

/** The record a PUT/PATCH edits and the version its If-Match names, for the request's transactions. */
export type IfMatch = { id: string; version: string };
export const ifMatchStore = new AsyncLocalStorage<IfMatch>();

/** The caller's scope with the request's If-Match (read when the transaction is asked for, in the request's context). */
export function withIfMatch<S extends { ifMatch?: IfMatch | null }>(scope: S): S {
  const ifMatch = ifMatchStore.getStore();
  return ifMatch ? { ...scope, ifMatch } : scope;
}
