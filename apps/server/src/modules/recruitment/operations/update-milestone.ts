import { eq } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { checkMilestone, type MilestoneValues } from '../recruitment.checks.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { ITEM_TYPE, todayOf } from '../recruitment.queries.ts';
import { recruitmentMilestones } from '../recruitment.table.ts';
import { audit } from '../recruitment.writes.ts';
import { readRecordIn } from './read-record.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision'>;

/** A milestone's edit: its done date and proof. */
export const updateMilestone = (deps: Deps, ctx: UserContext, id: string, input: MilestoneValues) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const { clock } = deps;
    await checkMilestone(tx, { files: deps.files, today: todayOf(clock) }, ctx, input);
    const [row] = await tx
      .update(recruitmentMilestones)
      .set(input)
      .where(eq(recruitmentMilestones.id, id))
      .returning({ recordId: recruitmentMilestones.recordId });
    if (!row) throw notFound(ctx.lang);
    const detail = { recordId: row.recordId };
    await audit(tx, clock, ctx, {
      action: 'update',
      targetType: 'recruitment_milestone',
      targetId: id,
      detail,
    });
    await deps.supervision.refreshItems(tx, ITEM_TYPE, [row.recordId]);
    return readRecordIn(tx, deps, ctx, row.recordId);
  });
