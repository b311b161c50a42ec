import type { CriteriaAnswer, OperatingCriteria } from '@gaodi/contracts';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { platformCriteria } from '../innovation.table.ts';

/** Sets the active region's criteria for 实体化运营 (the system administrator's office setting). */
export async function savePlatformCriteria(
  { clock }: { clock: Clock },
  tx: Tx,
  ctx: UserContext,
  input: OperatingCriteria,
): Promise<CriteriaAnswer> {
  const values = { ...input, updatedBy: ctx.user.id, updatedAt: clock.now() };
  await tx
    .insert(platformCriteria)
    .values({ ...values, regionCode: ctx.user.activeRegionCode })
    .onConflictDoUpdate({ target: platformCriteria.regionCode, set: values });
  await recordUserAction(tx, ctx, clock.now(), {
    action: 'update',
    targetType: 'platform_criteria',
    targetId: ctx.user.activeRegionCode,
    detail: input,
  });
  return { ...input, isDefault: false };
}
