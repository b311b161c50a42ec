import type { LightReason, SupervisedItemType, SupervisionRulesInput } from '@gaodi/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { computeLight, type SupervisedItem } from '../supervision.rules.ts';
import { supervisionLightHistory, supervisionLights } from '../supervision.table.ts';

type StoredLight = { itemId: string; light: string; since: Date; reasons: unknown };

/** An item's light after a run: `changed` when the light itself changed (a new `since`). */
export type AppliedLight = {
  item: SupervisedItem;
  light: string;
  reasons: LightReason[];
  since: Date;
  changed: boolean;
};

async function readStored(tx: Tx, items: readonly SupervisedItem[]): Promise<Map<string, StoredLight>> {
  const itemType = items[0]?.itemType as SupervisedItemType;
  const stored = new Map<string, StoredLight>();
  for (let i = 0; i < items.length; i += 5000) {
    const ids = items.slice(i, i + 5000).map((x) => x.id);
    const rows = await tx
      .select({
        itemId: supervisionLights.itemId,
        light: supervisionLights.light,
        since: supervisionLights.since,
        reasons: supervisionLights.reasons,
      })
      .from(supervisionLights)
      .where(and(eq(supervisionLights.itemType, itemType), inArray(supervisionLights.itemId, ids)));
    for (const r of rows) stored.set(r.itemId, r);
  }
  return stored;
}

async function write(
  tx: Tx,
  upserts: (typeof supervisionLights.$inferInsert)[],
  history: (typeof supervisionLightHistory.$inferInsert)[],
) {
  for (let i = 0; i < upserts.length; i += 1000) {
    await tx
      .insert(supervisionLights)
      .values(upserts.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [supervisionLights.itemType, supervisionLights.itemId],
        set: {
          light: sql`excluded.light`,
          reasons: sql`excluded.reasons`,
          since: sql`excluded.since`,
          checkedAt: sql`excluded.checked_at`,
          regionCode: sql`excluded.region_code`,
        },
      });
  }
  for (let i = 0; i < history.length; i += 1000)
    await tx.insert(supervisionLightHistory).values(history.slice(i, i + 1000));
}

/**
 * Computes and stores the lights of `items` (all of one type and region): a changed light gets a
 * new `since` and a history row. Returns the stored state after the update, by item id.
 */
export async function applyLights(
  tx: Tx,
  items: readonly SupervisedItem[],
  rules: SupervisionRulesInput,
  now: Date,
): Promise<Map<string, AppliedLight>> {
  const state = new Map<string, AppliedLight>();
  if (items.length === 0) return state;
  const today = chinaDay(now);
  const stored = await readStored(tx, items);
  const upserts: (typeof supervisionLights.$inferInsert)[] = [];
  const history: (typeof supervisionLightHistory.$inferInsert)[] = [];
  for (const item of items) {
    const { light, reasons } = computeLight(item, rules, today);
    const before = stored.get(item.id);
    const lightChanged = before?.light !== light;
    const reasonsChanged = JSON.stringify(before?.reasons ?? null) !== JSON.stringify(reasons);
    const since = lightChanged ? now : (before?.since ?? now);
    state.set(item.id, { item, light, reasons, since, changed: lightChanged });
    const row = { itemType: item.itemType, itemId: item.id, regionCode: item.regionCode, light, reasons };
    if (lightChanged || reasonsChanged) upserts.push({ ...row, since, checkedAt: now });
    if (lightChanged) history.push({ ...row, at: now });
  }
  await write(tx, upserts, history);
  return state;
}
