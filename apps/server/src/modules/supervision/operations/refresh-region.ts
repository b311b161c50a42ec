import type { LightsRunResult } from '@gaodi/contracts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { SupervisionDeps } from '../supervision.deps.ts';
import { rulesIn } from '../supervision.queries.ts';
import { applyLights } from './apply-lights.ts';

/** "Refresh now" for the caller's region: recomputes lights (no escalation; that is the job's). */
export function refreshRegion(
  { db, clock, providers }: Pick<SupervisionDeps, 'db' | 'clock' | 'providers'>,
  ctx: UserContext,
): Promise<LightsRunResult> {
  const regionCode = ctx.user.activeRegionCode;
  return db.transaction(ctx.scope, async (tx) => {
    const { rules } = await rulesIn(tx, regionCode);
    let items = 0;
    let changed = 0;
    for (const p of providers) {
      const list = await p.listItems(tx, { regionCode });
      const state = await applyLights(tx, list, rules, clock.now());
      items += list.length;
      changed += [...state.values()].filter((s) => s.changed).length;
    }
    await recordAudit(tx, {
      regionCode,
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
