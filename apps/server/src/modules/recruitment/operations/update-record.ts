import type { UserContext } from '../../../platform/auth/context.ts';
import type { RecordInput } from '../recruitment.checks.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { ITEM_TYPE } from '../recruitment.queries.ts';
import { updateRecordIn } from '../recruitment.writes.ts';
import { readRecordIn } from './read-record.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision'>;

/** The record's edit (the whole form). */
export const updateRecord = (deps: Deps, ctx: UserContext, id: string, input: RecordInput) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    await updateRecordIn(tx, deps.clock, ctx, id, input);
    await deps.supervision.refreshItems(tx, ITEM_TYPE, [id]);
    return readRecordIn(tx, deps, ctx, id);
  });
