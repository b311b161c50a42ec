import { asc, inArray, sql } from 'drizzle-orm';
import { type Database, rowsOf, type Scope } from '../db/database.ts';
import { regions } from './region.table.ts';

/** The regions at and below `root` that the scope may see, in code order. */
export async function regionSubtree(db: Database, root: string, scope: Scope) {
  return db.transaction(scope, async (tx) => {
    const codes = await tx.execute(sql`SELECT unnest(gaodi_region_subtree(${root})) AS code`);
    const list = rowsOf<{ code: string }>(codes).map((r) => r.code);
    if (list.length === 0) return [];
    return tx.select().from(regions).where(inArray(regions.code, list)).orderBy(asc(regions.code));
  });
}
