import { sql } from 'drizzle-orm';
import type { UserContext } from '../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';

/** A helper (帮办专员) of the request's region, or a 400 on `field`. */
export async function helperIn(tx: Tx, ctx: UserContext, regionCode: string, id: string, field: string) {
  const [h] = rowsOf<{ id: string; display_name: string }>(
    await tx.execute(sql`SELECT id, display_name FROM users WHERE id = ${id} AND role = 'helper'
      AND NOT is_disabled AND region_code = ${regionCode}`),
  );
  if (!h) throw invalid([{ path: field, message: '请选择本地区的帮办专员' }], ctx.lang);
  return { id: h.id, name: h.display_name };
}

/** The region's leads and leaders: who approves transfers. */
export async function leadsOf(tx: Tx, regionCode: string): Promise<string[]> {
  return rowsOf<{ id: string }>(
    await tx.execute(sql`SELECT id FROM users WHERE region_code = ${regionCode} AND NOT is_disabled
      AND role IN ('taskforce_lead', 'leader')`),
  ).map((r) => r.id);
}
