import type { SupervisedItemType } from '@gaodi/contracts';
import type { Tx } from '../../../platform/db/database.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { providerOf, rulesIn } from '../supervision.queries.ts';
import type { SupervisedItem } from '../supervision.rules.ts';
import { applyLights } from './apply-lights.ts';

/** Recomputes the lights of some items after a write, in the writer's transaction. No escalation. */
export async function refreshItems(
  { clock, providers }: Pick<SupervisionDeps, 'clock' | 'providers'>,
  tx: Tx,
  itemType: SupervisedItemType,
  ids: readonly string[],
) {
  if (ids.length === 0) return;
  const items = await providerOf(providers, itemType).listItems(tx, { ids });
  const byRegion = new Map<string, SupervisedItem[]>();
  for (const item of items) byRegion.set(item.regionCode, [...(byRegion.get(item.regionCode) ?? []), item]);
  for (const [regionCode, list] of byRegion) {
    const { rules } = await rulesIn(tx, regionCode);
    await applyLights(tx, list, rules, clock.now());
  }
}
