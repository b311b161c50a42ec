import {
  DEFAULT_SUPERVISION_RULES,
  type LightHistoryEntry,
  type LightReason,
  type LightsRunResult,
  type SupervisedItemType,
  type SupervisionRules,
  type SupervisionRulesInput,
} from '@gaodi/contracts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import { users } from '../../platform/auth/auth.table.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { chinaDay, claimJobRun, finishJobRun, type ScheduledJob } from '../../platform/jobs/jobs.ts';
import type { NotificationMessage, Notifier } from '../../platform/notifications/notifier.ts';
import { createAgendaProposals } from './supervision.proposals.ts';
import type { SupervisedItemProvider } from './supervision.provider.ts';
import { computeLight, daysBetween, type SupervisedItem } from './supervision.rules.ts';
import {
  supervisionAgendaProposals,
  supervisionEscalations,
  supervisionLightHistory,
  supervisionLights,
  supervisionRules,
} from './supervision.table.ts';

export type SupervisionService = ReturnType<typeof createSupervisionService>;

export const LIGHTS_JOB = 'supervision.lights';

type StoredLight = { itemId: string; light: string; since: Date; reasons: unknown };

const rowToRules = (r: typeof supervisionRules.$inferSelect): SupervisionRulesInput => ({
  noActivityYellowDays: r.noActivityYellowDays,
  noActivityRedDays: r.noActivityRedDays,
  milestoneRedDaysOverdue: r.milestoneRedDaysOverdue,
  isNextDatePassedYellow: r.isNextDatePassedYellow,
  greenChannelPercent: r.greenChannelPercent,
  leaderEscalationRedDays: r.leaderEscalationRedDays,
});

/**
 * Lights and escalations over the items every registered module supervises: recruitment records
 * now; projects, service requests and round-table decisions register the same way.
 */
export function createSupervisionService({
  db,
  clock,
  notifier,
  providers,
}: {
  db: Database;
  clock: Clock;
  notifier: Notifier;
  providers: readonly SupervisedItemProvider[];
}) {
  const providerOf = (itemType: SupervisedItemType) => {
    const p = providers.find((x) => x.itemType === itemType);
    if (!p) throw new Error(`no supervision provider for ${itemType}`);
    return p;
  };

  async function rulesIn(
    tx: Tx,
    regionCode: string,
  ): Promise<{ rules: SupervisionRulesInput; row: typeof supervisionRules.$inferSelect | undefined }> {
    const [row] = await tx.select().from(supervisionRules).where(eq(supervisionRules.regionCode, regionCode));
    return { rules: row ? rowToRules(row) : DEFAULT_SUPERVISION_RULES, row };
  }

  /**
   * Computes and stores the lights of `items` (all of one region): a changed light gets a new
   * `since` and a history row. Returns the stored state after the update, by item id.
   */
  async function applyLights(
    tx: Tx,
    items: readonly SupervisedItem[],
    rules: SupervisionRulesInput,
    now: Date,
  ) {
    const state = new Map<
      string,
      { item: SupervisedItem; light: string; reasons: LightReason[]; since: Date; changed: boolean }
    >();
    if (items.length === 0) return state;
    const today = chinaDay(now);
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
    const upserts: (typeof supervisionLights.$inferInsert)[] = [];
    const history: (typeof supervisionLightHistory.$inferInsert)[] = [];
    for (const item of items) {
      const { light, reasons } = computeLight(item, rules, today);
      const before = stored.get(item.id);
      const lightChanged = before?.light !== light;
      const reasonsChanged = JSON.stringify(before?.reasons ?? null) !== JSON.stringify(reasons);
      const since = lightChanged ? now : (before?.since ?? now);
      state.set(item.id, { item, light, reasons, since, changed: lightChanged });
      if (lightChanged || reasonsChanged) {
        upserts.push({
          itemType: item.itemType,
          itemId: item.id,
          regionCode: item.regionCode,
          light,
          reasons,
          since,
          checkedAt: now,
        });
      }
      if (lightChanged)
        history.push({
          regionCode: item.regionCode,
          itemType: item.itemType,
          itemId: item.id,
          light,
          reasons,
          at: now,
        });
    }
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
    return state;
  }

  /** Recomputes the lights of some items after a write, in the writer's transaction. No escalation. */
  async function refreshItems(tx: Tx, itemType: SupervisedItemType, ids: readonly string[]) {
    if (ids.length === 0) return;
    const items = await providerOf(itemType).listItems(tx, { ids });
    const byRegion = new Map<string, SupervisedItem[]>();
    for (const item of items) byRegion.set(item.regionCode, [...(byRegion.get(item.regionCode) ?? []), item]);
    for (const [regionCode, list] of byRegion) {
      const { rules } = await rulesIn(tx, regionCode);
      await applyLights(tx, list, rules, clock.now());
    }
  }

  /**
   * For items loaded with their past (demo data, a ledger import): a fresh light starts "now", but
   * an item whose ledger went quiet months ago has had its light since the first day the rules
   * gave it. Dates each yellow or red light (and its history row) back to that day, so the ladder
   * climbs as it would have. Looks back at most two years.
   */
  async function dateLightsFromPast(tx: Tx, itemType: SupervisedItemType, ids: readonly string[]) {
    if (ids.length === 0) return;
    const now = clock.now();
    const items = await providerOf(itemType).listItems(tx, { ids });
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

  async function leadersOf(tx: Tx, regionCode: string): Promise<string[]> {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.regionCode, regionCode), eq(users.role, 'leader'), eq(users.isDisabled, false)));
    return rows.map((r) => r.id);
  }

  /**
   * The escalation ladder for one region's lights: yellow → the owner; red → the task-force lead
   * (owner copied); red longer than the region's limit → its leaders, plus a round-table proposal.
   * The unique key (item, level, period = start of the light) makes each one happen once.
   */
  async function escalate(
    tx: Tx,
    regionCode: string,
    state: Awaited<ReturnType<typeof applyLights>>,
    rules: SupervisionRulesInput,
    now: Date,
  ) {
    let sent = 0;
    const today = chinaDay(now);
    let leaders: string[] | null = null;
    for (const { item, light, reasons, since } of state.values()) {
      if (light !== 'yellow' && light !== 'red') continue;
      const period = since.toISOString();
      const why = reasons.map((r) => r.message).join('；');
      const steps: { level: 'owner' | 'lead' | 'leader'; recipients: string[]; title: string }[] = [];
      if (light === 'yellow')
        steps.push({ level: 'owner', recipients: [item.ownerId ?? ''], title: `黄灯提醒：${item.title}` });
      if (light === 'red') {
        steps.push({
          level: 'lead',
          recipients: [item.leadId ?? '', item.ownerId ?? ''],
          title: `红灯督办：${item.title}`,
        });
        if (daysBetween(chinaDay(since), today) > rules.leaderEscalationRedDays) {
          leaders ??= await leadersOf(tx, regionCode);
          steps.push({
            level: 'leader',
            recipients: leaders,
            title: `红灯超过 ${rules.leaderEscalationRedDays} 天，提请领导关注：${item.title}`,
          });
        }
      }
      for (const step of steps) {
        const recipients = [...new Set(step.recipients.filter((r) => r !== ''))];
        const inserted = await tx
          .insert(supervisionEscalations)
          .values({
            regionCode,
            itemType: item.itemType,
            itemId: item.id,
            level: step.level,
            period,
            recipientIds: recipients,
            sentAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: supervisionEscalations.id });
        if (inserted.length === 0) continue;
        sent++;
        const messages: NotificationMessage[] = recipients.map((userId) => ({
          regionCode,
          userId,
          kind: `supervision.${step.level}`,
          title: step.title,
          body: why,
          link: item.link,
        }));
        await notifier.send(tx, messages, now);
        if (step.level === 'leader') {
          await tx
            .insert(supervisionAgendaProposals)
            .values({
              regionCode,
              itemType: item.itemType,
              itemId: item.id,
              title: item.title,
              reason: why,
              period,
              proposedAt: now,
            })
            .onConflictDoNothing();
        }
      }
    }
    return sent;
  }

  /**
   * The scheduled lights job: every region once per China day, each region in its own owner
   * transaction that first claims (job, region, day). Safe to run from any number of processes.
   */
  async function runLightsJob(): Promise<LightsRunResult> {
    const now = clock.now();
    const period = chinaDay(now);
    const regionSet = new Set<string>();
    for (const p of providers)
      for (const r of await p.listRegions(db.owner as unknown as Tx)) regionSet.add(r);
    const result: LightsRunResult = { regions: 0, items: 0, changed: 0, escalations: 0, skipped: 0 };
    for (const regionCode of [...regionSet].sort()) {
      await db.owner.transaction(async (tx) => {
        if (!(await claimJobRun(tx, LIGHTS_JOB, regionCode, period, now))) {
          result.skipped++;
          return;
        }
        const { rules } = await rulesIn(tx, regionCode);
        let items = 0;
        let changed = 0;
        let escalations = 0;
        for (const p of providers) {
          const list = await p.listItems(tx, { regionCode });
          const state = await applyLights(tx, list, rules, now);
          items += list.length;
          changed += [...state.values()].filter((s) => s.changed).length;
          escalations += await escalate(tx, regionCode, state, rules, now);
        }
        const detail = { items, changed, escalations };
        await finishJobRun(tx, LIGHTS_JOB, regionCode, period, clock.now(), detail);
        await recordAudit(tx, {
          regionCode,
          at: now,
          actorId: null,
          actorName: 'system',
          action: 'supervise',
          targetType: 'supervision',
          result: 'ok',
          detail,
        });
        result.regions++;
        result.items += items;
        result.changed += changed;
        result.escalations += escalations;
      });
    }
    return result;
  }

  /** "Refresh now" for the caller's regions: recomputes lights (no escalation; that is the job's). */
  async function refreshRegion(ctx: UserContext): Promise<LightsRunResult> {
    return db.transaction(ctx.scope, async (tx) => {
      const { rules } = await rulesIn(tx, ctx.user.activeRegionCode);
      let items = 0;
      let changed = 0;
      for (const p of providers) {
        const list = await p.listItems(tx, { regionCode: ctx.user.activeRegionCode });
        const state = await applyLights(tx, list, rules, clock.now());
        items += list.length;
        changed += [...state.values()].filter((s) => s.changed).length;
      }
      await recordAudit(tx, {
        regionCode: ctx.user.activeRegionCode,
        at: clock.now(),
        actorId: ctx.user.id,
        actorName: ctx.user.username,
        action: 'refresh',
        targetType: 'supervision',
        result: 'ok',
        clientAddress: ctx.clientAddress,
        detail: { items, changed },
      });
      return { regions: 1, items, changed, escalations: 0, skipped: 0 };
    });
  }

  async function getRules(ctx: UserContext): Promise<SupervisionRules> {
    return db.transaction(ctx.scope, async (tx) => {
      const { rules, row } = await rulesIn(tx, ctx.user.activeRegionCode);
      return {
        regionCode: ctx.user.activeRegionCode,
        rules,
        isDefault: !row,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    });
  }

  async function setRules(ctx: UserContext, input: SupervisionRulesInput): Promise<SupervisionRules> {
    const now = clock.now();
    await db.transaction(ctx.scope, async (tx) => {
      const values = {
        ...input,
        regionCode: ctx.user.activeRegionCode,
        updatedAt: now,
        updatedBy: ctx.user.id,
      };
      await tx
        .insert(supervisionRules)
        .values(values)
        .onConflictDoUpdate({ target: supervisionRules.regionCode, set: values });
      await recordAudit(tx, {
        regionCode: ctx.user.activeRegionCode,
        at: now,
        actorId: ctx.user.id,
        actorName: ctx.user.username,
        action: 'update',
        targetType: 'supervision_rule',
        targetId: ctx.user.activeRegionCode,
        result: 'ok',
        clientAddress: ctx.clientAddress,
        detail: input,
      });
    });
    return getRules(ctx);
  }

  async function listLightHistory(
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

  const proposals = createAgendaProposals({ db, clock, providers, notifier });

  return {
    refreshItems,
    dateLightsFromPast,
    runLightsJob,
    refreshRegion,
    getRules,
    setRules,
    listLightHistory,
    listProposals: proposals.listProposals,
    proposeItem: proposals.proposeItem,
    decideProposal: proposals.decideProposal,
  };
}

/** The lights job for the scheduler: tries every 10 minutes; each region runs once per China day. */
export function lightsJob(supervision: SupervisionService): ScheduledJob {
  return { name: LIGHTS_JOB, everyMs: 10 * 60_000, run: () => supervision.runLightsJob() };
}
