import type { AgendaProposal, SupervisedItemType } from '@gaodi/contracts';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.table.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { NotificationMessage } from '../../platform/notifications/notifier.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import { leadersOf } from './supervision.queries.ts';
import { supervisionAgendaProposals, supervisionLights } from './supervision.table.ts';

/**
 * Round-table proposals (提请圆桌对话事项), shared by their operations: reading them with the
 * item's light and link, and telling people. The lights job inserts them (operations/escalate.ts);
 * people list them, put a red item on the agenda from its page, and leaders decide each once.
 */

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');

export const linkOf = (
  providers: SupervisionDeps['providers'],
  itemType: SupervisedItemType,
  itemId: string,
) => providers.find((p) => p.itemType === itemType)?.linkOf(itemId) ?? '';

/** Proposals visible to the caller (row-level security narrows to their regions), newest first. */
export async function selectProposals(
  tx: Tx,
  providers: SupervisionDeps['providers'],
  where: SQL | undefined,
  limit = 500,
): Promise<AgendaProposal[]> {
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
    link: linkOf(providers, r.itemType as SupervisedItemType, r.itemId),
  }));
}

export type ProposalItem = {
  regionCode: string;
  itemType: SupervisedItemType;
  itemId: string;
  title: string;
};

const TITLES = {
  proposed: (t: string) => `提请圆桌对话，请决定是否列入议程：${t}`,
  accepted: (t: string) => `已列入圆桌议程：${t}`,
  dismissed: (t: string) => `暂不列入圆桌议程：${t}`,
};

/**
 * Tells people in the inbox, in the caller's transaction: a proposal waiting for a decision goes
 * to the region's leaders; a decision to whoever proposed it and to the item's owner and lead.
 */
export async function tell(
  tx: Tx,
  { clock, notifier, providers }: Pick<SupervisionDeps, 'clock' | 'notifier' | 'providers'>,
  ctx: UserContext,
  news: {
    item: ProposalItem;
    kind: 'proposed' | 'accepted' | 'dismissed';
    body: string;
    extra?: (string | null)[];
  },
) {
  const { item, kind } = news;
  let recipients: (string | null)[];
  if (kind === 'proposed') recipients = await leadersOf(tx, item.regionCode);
  else {
    const provider = providers.find((p) => p.itemType === item.itemType);
    const [found] = provider ? await provider.listItems(tx, { ids: [item.itemId] }) : [];
    recipients = [...(news.extra ?? []), found?.ownerId ?? null, found?.leadId ?? null];
  }
  const messages: NotificationMessage[] = [...new Set(recipients)]
    .filter((id): id is string => id !== null && id !== ctx.user.id)
    .map((userId) => ({
      regionCode: item.regionCode,
      userId,
      kind: `roundtable.${kind}`,
      title: TITLES[kind](item.title),
      body: news.body,
      link: kind === 'proposed' ? '/supervision/proposals' : linkOf(providers, item.itemType, item.itemId),
    }));
  await notifier.send(tx, messages, clock.now());
}
