import type { RecruitmentPlanInput } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { checkPeople } from '../recruitment.checks.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { recruitmentPlans } from '../recruitment.table.ts';
import { audit } from '../recruitment.writes.ts';
import { readPlanIn } from './read-plan.ts';

/** Sets the year's plan (one per region and year). */
export const savePlan = (
  { db, clock }: Pick<RecruitmentDeps, 'db' | 'clock'>,
  ctx: UserContext,
  year: number,
  input: z.output<typeof RecruitmentPlanInput>,
) =>
  db.transaction(ctx.scope, async (tx) => {
    if (input.ownerId) await checkPeople(tx, ctx, [{ path: 'ownerId', ids: [input.ownerId] }]);
    const values = { ...input, regionCode: ctx.user.activeRegionCode, year, updatedAt: clock.now() };
    const [row] = await tx
      .insert(recruitmentPlans)
      .values(values)
      .onConflictDoUpdate({ target: [recruitmentPlans.regionCode, recruitmentPlans.year], set: values })
      .returning({ id: recruitmentPlans.id });
    await audit(tx, clock, ctx, {
      action: 'update',
      targetType: 'recruitment_plan',
      targetId: row?.id ?? '',
      detail: { year },
    });
    return readPlanIn(tx, ctx, year);
  });
