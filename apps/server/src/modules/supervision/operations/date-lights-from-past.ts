import type { SupervisedItemType } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { providerOf, rulesIn } from '../supervision.queries.ts';
import { computeLight } from '../supervision.rules.ts';
import { supervisionLightHistory, supervisionLights } from '../supervision.table.ts';

/**
 * For items loaded with their past (demo data, a ledger import): a fresh light starts "now", but
 * an item whose ledger went quiet months ago has had its light since the first day the rules
 * gave it. Dates each yellow or red light (and its history row) back to that day, so the ladder
 * climbs as it would have. Looks back at most two years.
 */
export async function dateLightsFromPast(
  { clock, providers }: Pick<SupervisionDeps, 'clock' | 'providers'>,
  tx: Tx,
  itemType: SupervisedItemType,
  ids: readonly string[],
) {
  if (ids.length === 0) return;
  const now = clock.now();
  const items = await providerOf(providers, itemType).listItems(tx, { ids });
  for (const item of items) {
    const { rules } = await rulesIn(tx, item.regionCode);
    const dayBefore = (back: number) => chinaDay(new Date(now.getTime() - back * 86_400_000));
    const { light } = computeLight(item, rules, dayBefore(0));
    if (light !== 'yellow' && light !== 'red') continue;
    let back = 0;
    while (back < 730 && computeLight(item, rules, dayBefore(back + 1)).light === light) back++;
    if (back === 0) continue;
    const since = new Date(`${dayBefore(back)}T00:00:00+08:00`);
    const where = and(eq(supervisionLights.itemType, itemType), eq(supervisionLights.itemId, item.id));
    const [stored] = await tx.select().from(supervisionLights).where(where);
    if (stored?.light !== light) continue;
    await tx.update(supervisionLights).set({ since }).where(where);
    await tx
      .update(supervisionLightHistory)
      .set({ at: since })
      .where(
        and(
          eq(supervisionLightHistory.itemType, itemType),
          eq(supervisionLightHistory.itemId, item.id),
          eq(supervisionLightHistory.at, stored.since),
        ),
      );
  }
}
