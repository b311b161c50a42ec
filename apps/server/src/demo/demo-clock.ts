import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';

/**
 * The demo's clock as the transaction's "today" (`gaodi.now`, as a stage move sets it): the done
 * dates the demo writes (signed, landed, graduated) are checked against the demo's own day, which a
 * test may set apart from the machine's, not refused as lying in the future.
 */
export async function atDemoClock(tx: { execute: (query: SQL) => unknown }, clock: Clock): Promise<void> {
  await tx.execute(sql`SELECT set_config('gaodi.now', ${clock.now().toISOString()}, true)`);
}
