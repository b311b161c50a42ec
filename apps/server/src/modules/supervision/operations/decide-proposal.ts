import type { AgendaDecisionInput, AgendaProposal, SupervisedItemType } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { selectProposals, tell } from '../proposals.queries.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { supervisionAgendaProposals } from '../supervision.table.ts';

/** A leader's decision: on the agenda (accepted) or not now (dismissed, with a note). Once only, by the owning region. */
export function decideProposal(
  deps: Pick<SupervisionDeps, 'db' | 'clock' | 'notifier' | 'providers'>,
  ctx: UserContext,
  id: string,
  input: AgendaDecisionInput,
): Promise<AgendaProposal> {
  const now = deps.clock.now();
  return deps.db.transaction(ctx.scope, async (tx) => {
    const p = supervisionAgendaProposals;
    // A decision belongs to the office that owns the item: a city's leader reads its counties'
    // proposals but does not decide them (issue 9).
    const [owner] = await tx.select({ regionCode: p.regionCode }).from(p).where(eq(p.id, id));
    if (!owner) throw notFound(ctx.lang);
    if (owner.regionCode !== ctx.user.regionCode)
      throw new AppError(403, 'NOT_OWNING_REGION', '该提请事项由所属区域的领导决定');
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
    await tell(tx, deps, ctx, {
      item: { ...updated, itemType: updated.itemType as SupervisedItemType },
      kind: input.decision,
      body: input.note ? `${ctx.user.displayName}：${input.note}` : ctx.user.displayName,
      extra: [updated.proposedBy],
    });
    const [decided] = await selectProposals(tx, deps.providers, eq(p.id, id), 1);
    if (!decided) throw notFound(ctx.lang);
    return decided;
  });
}
