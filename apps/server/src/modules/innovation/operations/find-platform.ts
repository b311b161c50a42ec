import type { Platform } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.ts';
import { platforms } from '../innovation.table.ts';
import { toPlatform } from './platform-row.ts';

/** Reads one platform in the caller's transaction (row-level security decides whether it is seen). */
export async function findPlatform(tx: Tx, id: string): Promise<Platform | null> {
  const [row] = await tx.select().from(platforms).where(eq(platforms.id, id));
  return row ? toPlatform(row) : null;
}
