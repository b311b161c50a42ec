import type { RecruitmentPatch } from '@gaodi/contracts';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { RecordInput } from '../recruitment.checks.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { ITEM_TYPE, lockRecord } from '../recruitment.queries.ts';
import { updateRecordIn } from '../recruitment.writes.ts';
import { readRecordIn } from './read-record.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision'>;

/** The grade or owner alone (the board's drag), merged into the locked row, so a concurrent edit of other fields stands. */
export const patchRecord = (
  deps: Deps,
  ctx: UserContext,
  id: string,
  patch: z.output<typeof RecruitmentPatch>,
) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const row = await lockRecord(tx, ctx, id);
    await updateRecordIn(tx, deps.clock, ctx, id, {
      instituteId: row.instituteId,
      grade: patch.grade ?? (row.grade as RecordInput['grade']),
      cooperationMode: row.cooperationMode,
      industryId: row.industryId,
      ownerId: patch.ownerId ?? row.ownerId,
      taskForceLeadId: row.taskForceLeadId,
      taskForceMemberIds: row.taskForceMemberIds,
      isGreenChannel: row.isGreenChannel,
      notes: row.notes,
    });
    await deps.supervision.refreshItems(tx, ITEM_TYPE, [id]);
    return readRecordIn(tx, deps, ctx, id);
  });
