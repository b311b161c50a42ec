import type { LightHistoryEntry, LightReason, SupervisedItemType } from '@gaodi/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.ts';
import { supervisionLightHistory } from '../supervision.table.ts';

/** An item's light changes, newest first (at most 200). */
export async function listLightHistory(
  tx: Tx,
  itemType: SupervisedItemType,
  itemId: string,
): Promise<LightHistoryEntry[]> {
  const rows = await tx
    .select()
    .from(supervisionLightHistory)
    .where(and(eq(supervisionLightHistory.itemType, itemType), eq(supervisionLightHistory.itemId, itemId)))
    .orderBy(desc(supervisionLightHistory.at))
    .limit(200);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    light: r.light as LightHistoryEntry['light'],
    reasons: r.reasons as LightReason[],
  }));
}
