import type { LightReason, SupervisedItemType, SupervisionRulesInput } from '@gaodi/contracts';

/**
 * What the light rules need to know about any supervised item, whichever module owns it. A module
 * registers a provider that lists its items in this shape; supervision never reads its tables.
 */
export type SupervisedItem = {
  itemType: SupervisedItemType;
  id: string;
  regionCode: string;
  title: string;
  /** In-app path of the item, for notifications. */
  link: string;
  ownerId: string | null;
  leadId: string | null;
  /** Closed, shelved or dropped items are not supervised (light `none`). */
  isActive: boolean;
  isGreenChannel: boolean;
  /** Day (YYYY-MM-DD, China) of the latest progress: a ledger entry, or creation. */
  lastActivityOn: string;
  /** Due day of the earliest milestone not yet done. */
  earliestOpenDueOn: string | null;
  /** The "next date" promised by the latest ledger entry. */
  nextDate: string | null;
};

export type ComputedLight = { light: 'green' | 'yellow' | 'red' | 'none'; reasons: LightReason[] };

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A threshold on the green channel: scaled by the region's percentage, rounded down, at least 1 day. */
export function scaledDays(
  days: number,
  item: Pick<SupervisedItem, 'isGreenChannel'>,
  rules: SupervisionRulesInput,
): number {
  return item.isGreenChannel ? Math.max(1, Math.floor((days * rules.greenChannelPercent) / 100)) : days;
}

/**
 * The light of one item on `today` (YYYY-MM-DD, China). Pure. Boundaries are inclusive: with the
 * defaults, 29 days without a ledger entry is green, day 30 yellow, day 59 yellow, day 60 red; a
 * milestone not done is yellow from the day after its due day and red from 15 days past it; a
 * passed next date is yellow. The worst reason wins; every reason found is listed.
 */
export function computeLight(
  item: SupervisedItem,
  rules: SupervisionRulesInput,
  today: string,
): ComputedLight {
  if (!item.isActive) return { light: 'none', reasons: [] };
  const reasons: LightReason[] = [];
  const idle = daysBetween(item.lastActivityOn, today);
  const idleRed = scaledDays(rules.noActivityRedDays, item, rules);
  const idleYellow = scaledDays(rules.noActivityYellowDays, item, rules);
  if (idle >= idleRed) {
    reasons.push({
      code: 'no_activity',
      light: 'red',
      days: idle,
      message: `已 ${idle} 天无工作台账记录（≥ ${idleRed} 天红灯）`,
    });
  } else if (idle >= idleYellow) {
    reasons.push({
      code: 'no_activity',
      light: 'yellow',
      days: idle,
      message: `已 ${idle} 天无工作台账记录（≥ ${idleYellow} 天黄灯）`,
    });
  }
  if (item.earliestOpenDueOn) {
    const overdue = daysBetween(item.earliestOpenDueOn, today);
    const milestoneRed = scaledDays(rules.milestoneRedDaysOverdue, item, rules);
    if (overdue >= milestoneRed) {
      reasons.push({
        code: 'milestone_overdue',
        light: 'red',
        days: overdue,
        message: `节点已逾期 ${overdue} 天（≥ ${milestoneRed} 天红灯）`,
      });
    } else if (overdue >= 1) {
      reasons.push({
        code: 'milestone_overdue',
        light: 'yellow',
        days: overdue,
        message: `节点已逾期 ${overdue} 天`,
      });
    }
  }
  if (rules.isNextDatePassedYellow && item.nextDate) {
    const passed = daysBetween(item.nextDate, today);
    if (passed >= 1) {
      reasons.push({
        code: 'next_date_passed',
        light: 'yellow',
        days: passed,
        message: `约定的下一步时间 ${item.nextDate} 已过 ${passed} 天`,
      });
    }
  }
  const light = reasons.some((r) => r.light === 'red') ? 'red' : reasons.length > 0 ? 'yellow' : 'green';
  return { light, reasons };
}
