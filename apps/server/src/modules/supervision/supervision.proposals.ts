import {
  type AgendaDecisionInput,
  type AgendaProposal,
  type AgendaProposalInput,
  type AgendaProposalListQuery,
  can,
  type LightReason,
  type SupervisedItemType,
} from '@gaodi/contracts';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit/audit.ts';
import { users } from '../../platform/auth/auth.table.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { NotificationMessage, Notifier } from '../../platform/notifications/notifier.ts';
import type { SupervisedItemProvider } from './supervision.provider.ts';
import { supervisionAgendaProposals, supervisionLights } from './supervision.table.ts';

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

/**
 * Round-table proposals (提请圆桌对话事项): the last rung of the escalation ladder, made usable.
 * The lights job inserts them (supervision.service.ts `escalate`); people list them, put a red item
 * on the agenda from its page, and leaders decide each once. The round-table module will take the
 * accepted ones as agenda items.
 */
export function createAgendaProposals({
  db,
  clock,
  providers,
  notifier,
}: {
  db: Database;
  clock: Clock;
  providers: readonly SupervisedItemProvider[];
  notifier: Notifier;
}) {
  const linkOf = (itemType: SupervisedItemType, itemId: string) =>
    providers.find((p) => p.itemType === itemType)?.linkOf(itemId) ?? '';

  /**
   * Tells people in the inbox, in the caller's transaction: a proposal waiting for a decision goes
   * to the region's leaders; a decision to whoever proposed it and to the item's owner and lead.
   */
  async function tell(
    tx: Tx,
    ctx: UserContext,
    item: { regionCode: string; itemType: SupervisedItemType; itemId: string; title: string },
    kind: 'proposed' | 'accepted' | 'dismissed',
    body: string,
    extra: (string | null)[] = [],
  ) {
    let recipients: (string | null)[] = extra;
    if (kind === 'proposed') {
      const leaders = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(eq(users.regionCode, item.regionCode), eq(users.role, 'leader'), eq(users.isDisabled, false)),
        );
      recipients = leaders.map((l) => l.id);
    } else {
      const provider = providers.find((p) => p.itemType === item.itemType);
      const [found] = provider ? await provider.listItems(tx, { ids: [item.itemId] }) : [];
      recipients = [...extra, found?.ownerId ?? null, found?.leadId ?? null];
    }
    const title = {
      proposed: `提请圆桌对话，请决定是否列入议程：${item.title}`,
      accepted: `已列入圆桌议程：${item.title}`,
      dismissed: `暂不列入圆桌议程：${item.title}`,
    }[kind];
    const messages: NotificationMessage[] = [...new Set(recipients)]
      .filter((id): id is string => id !== null && id !== ctx.user.id)
      .map((userId) => ({
        regionCode: item.regionCode,
        userId,
        kind: `roundtable.${kind}`,
        title,
        body,
        link: kind === 'proposed' ? '/supervision/proposals' : linkOf(item.itemType, item.itemId),
      }));
    await notifier.send(tx, messages, clock.now());
  }

  /** Proposals visible to the caller (row-level security narrows to their regions), newest first. */
  async function select(tx: Tx, where: SQL | undefined, limit = 500): Promise<AgendaProposal[]> {
    const p = supervisionAgendaProposals;
    const rows = await tx
      .select({
        p,
        light: supervisionLights.light,
        proposedByName: proposer.displayName,
        decidedByName: decider.displayName,
      })
      .from(p)
      .leftJoin(
        supervisionLights,
        and(eq(supervisionLights.itemType, p.itemType), eq(supervisionLights.itemId, p.itemId)),
      )
      .leftJoin(proposer, eq(proposer.id, p.proposedBy))
      .leftJoin(decider, eq(decider.id, p.decidedBy))
      .where(where)
      .orderBy(desc(p.proposedAt), asc(p.id))
      .limit(limit);
    return rows.map(({ p: r, light, proposedByName, decidedByName }) => ({
      id: r.id,
      regionCode: r.regionCode,
      itemType: r.itemType as SupervisedItemType,
      itemId: r.itemId,
      title: r.title,
      reason: r.reason,
      proposedAt: r.proposedAt.toISOString(),
      proposedBy: r.proposedBy,
      proposedByName: proposedByName ?? null,
      status: r.status as AgendaProposal['status'],
      decidedBy: r.decidedBy,
      decidedByName: decidedByName ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decisionNote: r.decisionNote,
      light: (light ?? 'none') as AgendaProposal['light'],
      link: linkOf(r.itemType as SupervisedItemType, r.itemId),
    }));
  }

  async function listProposals(ctx: UserContext, query: AgendaProposalListQuery = {}) {
    const p = supervisionAgendaProposals;
    return db.transaction(ctx.scope, (tx) =>
      select(
        tx,
        and(
          query.status ? eq(p.status, query.status) : undefined,
          query.itemType ? eq(p.itemType, query.itemType) : undefined,
          query.itemId ? eq(p.itemId, query.itemId) : undefined,
        ),
      ),
    );
  }

  /**
   * Puts a red item on a round-table agenda from its page, in its current red episode (the same
   * key the lights job uses, so the job will not propose it again). A leader's request is the
   * decision itself; staff's waits for a leader.
   */
  async function proposeItem(ctx: UserContext, input: AgendaProposalInput): Promise<AgendaProposal> {
    const now = clock.now();
    return db.transaction(ctx.scope, async (tx) => {
      const provider = providers.find((p) => p.itemType === input.itemType);
      const [item] = provider ? await provider.listItems(tx, { ids: [input.itemId] }) : [];
      if (!item) throw notFound(ctx.lang);
      const [light] = await tx
        .select()
        .from(supervisionLights)
        .where(and(eq(supervisionLights.itemType, item.itemType), eq(supervisionLights.itemId, item.id)));
      if (light?.light !== 'red') throw new AppError(409, 'NOT_RED', '只有红灯事项可以提请圆桌对话');
      const period = light.since.toISOString();
      const p = supervisionAgendaProposals;
      const [existing] = await tx
        .select({ id: p.id })
        .from(p)
        .where(and(eq(p.itemType, item.itemType), eq(p.itemId, item.id), eq(p.period, period)));
      if (existing) throw new AppError(409, 'ALREADY_PROPOSED', '该事项已提请圆桌对话');
      const isDecider = can(ctx.user.role, 'roundtable_proposal', 'update');
      const reason = input.note || (light.reasons as LightReason[]).map((r) => r.message).join('；');
      const [row] = await tx
        .insert(p)
        .values({
          regionCode: item.regionCode,
          itemType: item.itemType,
          itemId: item.id,
          title: item.title,
          reason,
          period,
          status: isDecider ? 'accepted' : 'proposed',
          proposedAt: now,
          proposedBy: ctx.user.id,
          decidedBy: isDecider ? ctx.user.id : null,
          decidedAt: isDecider ? now : null,
        })
        .returning({ id: p.id, status: p.status });
      if (!row) throw new Error('proposal not inserted');
      await recordAudit(tx, {
        regionCode: item.regionCode,
        at: now,
        actorId: ctx.user.id,
        actorName: ctx.user.username,
        action: 'create',
        targetType: 'roundtable_proposal',
        targetId: row.id,
        result: 'ok',
        clientAddress: ctx.clientAddress,
        detail: { itemType: item.itemType, itemId: item.id, status: row.status, reason },
      });
      await tell(
        tx,
        ctx,
        { regionCode: item.regionCode, itemType: item.itemType, itemId: item.id, title: item.title },
        isDecider ? 'accepted' : 'proposed',
        `${ctx.user.displayName}：${reason}`,
      );
      const [created] = await select(tx, eq(p.id, row.id), 1);
      if (!created) throw new Error('proposal not readable after insert');
      return created;
    });
  }

  /** A leader's decision: on the agenda (accepted) or not now (dismissed, with a note). Once only. */
  async function decideProposal(
    ctx: UserContext,
    id: string,
    input: AgendaDecisionInput,
  ): Promise<AgendaProposal> {
    const now = clock.now();
    return db.transaction(ctx.scope, async (tx) => {
      const p = supervisionAgendaProposals;
      // The status condition makes a concurrent second decision update nothing (it waits for the
      // first on PostgreSQL, then finds the status changed).
      const [updated] = await tx
        .update(p)
        .set({ status: input.decision, decidedBy: ctx.user.id, decidedAt: now, decisionNote: input.note })
        .where(and(eq(p.id, id), eq(p.status, 'proposed')))
        .returning({
          regionCode: p.regionCode,
          itemType: p.itemType,
          itemId: p.itemId,
          title: p.title,
          proposedBy: p.proposedBy,
        });
      if (!updated) {
        const [found] = await tx.select({ status: p.status }).from(p).where(eq(p.id, id));
        if (!found) throw notFound(ctx.lang);
        throw new AppError(409, 'ALREADY_DECIDED', '该提请事项已有决定');
      }
      await recordAudit(tx, {
        regionCode: updated.regionCode,
        at: now,
        actorId: ctx.user.id,
        actorName: ctx.user.username,
        action: input.decision === 'accepted' ? 'accept' : 'dismiss',
        targetType: 'roundtable_proposal',
        targetId: id,
        result: 'ok',
        clientAddress: ctx.clientAddress,
        detail: { itemType: updated.itemType, itemId: updated.itemId, note: input.note },
      });
      await tell(
        tx,
        ctx,
        { ...updated, itemType: updated.itemType as SupervisedItemType },
        input.decision,
        input.note ? `${ctx.user.displayName}：${input.note}` : ctx.user.displayName,
        [updated.proposedBy],
      );
      const [decided] = await select(tx, eq(p.id, id), 1);
      if (!decided) throw notFound(ctx.lang);
      return decided;
    });
  }

  return { listProposals, proposeItem, decideProposal };
}
