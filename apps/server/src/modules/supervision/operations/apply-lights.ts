import type { LightReason, SupervisedItemType, SupervisionRulesInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import { computeLight, type SupervisedItem } from '../supervision.rules.ts';

type StoredLight = { itemId: string; light: string; since: Date; reasons: unknown };

/** An item's light after a run: `changed` when the light itself changed (a new `since`). */
export type AppliedLight = {
  item: SupervisedItem;
  light: string;
  reasons: LightReason[];
  since: Date;
  changed: boolean;
};

/** Rows per statement: each chunk travels as one JSON parameter, not thousands of bound values. */
const CHUNK = 5000;

async function readStored(tx: Tx, items: readonly SupervisedItem[]): Promise<Map<string, StoredLight>> {
  const itemType = items[0]?.itemType as SupervisedItemType;
  const stored = new Map<string, StoredLight>();
  for (let i = 0; i < items.length; i += CHUNK) {
    const ids = `{${items
      .slice(i, i + CHUNK)
      .map((x) => x.id)
      .join(',')}}`;
    const rows = rowsOf<{ item_id: string; light: string; since: string | Date; reasons: unknown }>(
      await tx.execute(sql`SELECT item_id, light, since, reasons FROM supervision_lights
        WHERE item_type = ${itemType} AND item_id = ANY (${ids}::uuid[])`),
    );
    for (const r of rows)
      stored.set(r.item_id, {
        itemId: r.item_id,
        light: r.light,
        since: new Date(r.since),
        reasons: r.reasons,
      });
  }
  return stored;
}

/** JSON with sorted keys: jsonb hands stored reasons back in its own key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );

type LightRow = {
  item_type: string;
  item_id: string;
  region_code: string;
  light: string;
  reasons: LightReason[];
  since: string;
};

/** Upserts the changed lights and appends the history of the changed ones, set-based (jsonb_to_recordset). */
async function write(tx: Tx, upserts: LightRow[], history: LightRow[], now: Date) {
  const checkedAt = now.toISOString();
  for (let i = 0; i < upserts.length; i += CHUNK)
    await tx.execute(sql`INSERT INTO supervision_lights (item_type, item_id, region_code, light, reasons, since, checked_at)
      SELECT x.item_type, x.item_id, x.region_code, x.light, x.reasons, x.since, ${checkedAt}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(upserts.slice(i, i + CHUNK))}::jsonb)
        AS x(item_type text, item_id uuid, region_code text, light text, reasons jsonb, since timestamptz)
      ON CONFLICT (item_type, item_id) DO UPDATE SET light = excluded.light, reasons = excluded.reasons,
        since = excluded.since, checked_at = excluded.checked_at, region_code = excluded.region_code`);
  for (let i = 0; i < history.length; i += CHUNK)
    await tx.execute(sql`INSERT INTO supervision_light_history (region_code, item_type, item_id, light, reasons, at)
      SELECT x.region_code, x.item_type, x.item_id, x.light, x.reasons, ${checkedAt}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(history.slice(i, i + CHUNK))}::jsonb)
        AS x(item_type text, item_id uuid, region_code text, light text, reasons jsonb)`);
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
  const upserts: LightRow[] = [];
  const history: LightRow[] = [];
  for (const item of items) {
    const { light, reasons } = computeLight(item, rules, today);
    const before = stored.get(item.id);
    const lightChanged = before?.light !== light;
    const reasonsChanged = canonical(before?.reasons ?? null) !== canonical(reasons);
    const since = lightChanged ? now : (before?.since ?? now);
    state.set(item.id, { item, light, reasons, since, changed: lightChanged });
    const row = {
      item_type: item.itemType,
      item_id: item.id,
      region_code: item.regionCode,
      light,
      reasons,
      since: since.toISOString(),
    };
    if (lightChanged || reasonsChanged) upserts.push(row);
    if (lightChanged) history.push(row);
  }
  await write(tx, upserts, history, now);
  return state;
}
