import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * A name in the reader's language: the English column when the request reads English and it is
 * filled, else the Chinese. Every request transaction sets `gaodi.lang` (database.ts), so a query
 * names an industry once, for both languages; an industry's code is never what a user reads.
 */
export function nameInLang(zh: SQLWrapper, en: SQLWrapper): SQL<string> {
  return sql<string>`CASE WHEN current_setting('gaodi.lang', true) = 'en' AND ${en} <> '' THEN ${en} ELSE ${zh} END`;
}
