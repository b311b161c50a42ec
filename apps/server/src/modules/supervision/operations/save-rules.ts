import type { SupervisionRules, SupervisionRulesInput } from '@gaodi/contracts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { supervisionRules } from '../supervision.table.ts';
import { getRules } from './get-rules.ts';

/** Sets the region's light rules (system administrator); one audit row. */
export async function saveRules(
  deps: Pick<SupervisionDeps, 'db' | 'clock'>,
  ctx: UserContext,
  input: SupervisionRulesInput,
): Promise<SupervisionRules> {
  const now = deps.clock.now();
  const regionCode = ctx.user.activeRegionCode;
  await deps.db.transaction(ctx.scope, async (tx) => {
    const values = { ...input, regionCode, updatedAt: now, updatedBy: ctx.user.id };
    await tx
      .insert(supervisionRules)
      .values(values)
      .onConflictDoUpdate({ target: supervisionRules.regionCode, set: values });
    await recordAudit(tx, {
      regionCode,
      at: now,
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      action: 'update',
      targetType: 'supervision_rule',
      targetId: regionCode,
      result: 'ok',
      clientAddress: ctx.clientAddress,
      detail: input,
    });
  });
  return getRules(deps, ctx);
}
