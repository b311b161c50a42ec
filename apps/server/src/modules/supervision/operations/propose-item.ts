import { type AgendaProposal, type AgendaProposalInput, can, type LightReason } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { selectProposals, tell } from '../proposals.queries.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { supervisionAgendaProposals, supervisionLights } from '../supervision.table.ts';

/** The red item to propose and its current red episode; 404 unseen, 409 not red or already proposed. */
async function redItem(
  tx: Tx,
  providers: SupervisionDeps['providers'],
  ctx: UserContext,
  input: AgendaProposalInput,
) {
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
  return { item, period, reasons: light.reasons as LightReason[] };
}

/**
 * Puts a red item on a round-table agenda from its page, in its current red episode (the same
 * key the lights job uses, so the job will not propose it again). A leader's request is the
 * decision itself; staff's waits for a leader.
 */
export function proposeItem(
  deps: Pick<SupervisionDeps, 'db' | 'clock' | 'notifier' | 'providers'>,
  ctx: UserContext,
  input: AgendaProposalInput,
): Promise<AgendaProposal> {
  const now = deps.clock.now();
  return deps.db.transaction(ctx.scope, async (tx) => {
    const { item, period, reasons } = await redItem(tx, deps.providers, ctx, input);
    const isDecider = can(ctx.user.role, 'roundtable_proposal', 'update');
    const reason = input.note || reasons.map((r) => r.message).join('；');
    const p = supervisionAgendaProposals;
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
    await tell(tx, deps, ctx, {
      item: { regionCode: item.regionCode, itemType: item.itemType, itemId: item.id, title: item.title },
      kind: isDecider ? 'accepted' : 'proposed',
      body: `${ctx.user.displayName}：${reason}`,
    });
    const [created] = await selectProposals(tx, deps.providers, eq(p.id, row.id), 1);
    if (!created) throw new Error('proposal not readable after insert');
    return created;
  });
}
