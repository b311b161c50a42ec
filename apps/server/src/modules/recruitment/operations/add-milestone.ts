import type { UserContext } from '../../../platform/auth/context.ts';
import { checkMilestone, type MilestoneValues } from '../recruitment.checks.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { ITEM_TYPE, lockRecord, todayOf } from '../recruitment.queries.ts';
import { recruitmentMilestones } from '../recruitment.table.ts';
import { audit } from '../recruitment.writes.ts';
import { readRecordIn } from './read-record.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision'>;

/** A new milestone (节点) of a record. */
export const addMilestone = (deps: Deps, ctx: UserContext, recordId: string, input: MilestoneValues) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const { clock } = deps;
    await lockRecord(tx, ctx, recordId);
    await checkMilestone(tx, { files: deps.files, today: todayOf(clock) }, ctx, input);
    const [row] = await tx
      .insert(recruitmentMilestones)
      .values({ ...input, recordId, regionCode: ctx.user.activeRegionCode, createdAt: clock.now() })
      .returning({ id: recruitmentMilestones.id });
    if (!row) throw new Error('insert returned nothing');
    const detail = { recordId };
    await audit(tx, clock, ctx, {
      action: 'create',
      targetType: 'recruitment_milestone',
      targetId: row.id,
      detail,
    });
    await deps.supervision.refreshItems(tx, ITEM_TYPE, [recordId]);
    return readRecordIn(tx, deps, ctx, recordId);
  });
