import {
  DEFAULT_SUPERVISION_RULES,
  type SupervisedItemType,
  type SupervisionRulesInput,
} from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { users } from '../../platform/auth/auth.table.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { SupervisedItemProvider } from './supervision.provider.ts';
import { supervisionRules } from './supervision.table.ts';

/** Shared readers of supervision: the region's rules, its leaders, the provider of an item type. */

export type RulesRow = typeof supervisionRules.$inferSelect;

const rowToRules = (r: RulesRow): SupervisionRulesInput => ({
  noActivityYellowDays: r.noActivityYellowDays,
  noActivityRedDays: r.noActivityRedDays,
  milestoneRedDaysOverdue: r.milestoneRedDaysOverdue,
  isNextDatePassedYellow: r.isNextDatePassedYellow,
  greenChannelPercent: r.greenChannelPercent,
  leaderEscalationRedDays: r.leaderEscalationRedDays,
});

/** The region's rules (the defaults when it has set none) and its stored row, if any. */
export async function rulesIn(
  tx: Tx,
  regionCode: string,
): Promise<{ rules: SupervisionRulesInput; row: RulesRow | undefined }> {
  const [row] = await tx.select().from(supervisionRules).where(eq(supervisionRules.regionCode, regionCode));
  return { rules: row ? rowToRules(row) : DEFAULT_SUPERVISION_RULES, row };
}

/** The region's active leaders. */
export async function leadersOf(tx: Tx, regionCode: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.regionCode, regionCode), eq(users.role, 'leader'), eq(users.isDisabled, false)));
  return rows.map((r) => r.id);
}

export function providerOf(
  providers: readonly SupervisedItemProvider[],
  itemType: SupervisedItemType,
): SupervisedItemProvider {
  const p = providers.find((x) => x.itemType === itemType);
  if (!p) throw new Error(`no supervision provider for ${itemType}`);
  return p;
}
