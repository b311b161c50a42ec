import type { UserContext } from '../../../platform/auth/context.ts';
import type { RecordInput } from '../recruitment.checks.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { ITEM_TYPE } from '../recruitment.queries.ts';
import { insertRecord } from '../recruitment.writes.ts';
import { readRecordIn } from './read-record.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision'>;

/** A new record (一院所一专班), at 线索. */
export const createRecord = (deps: Deps, ctx: UserContext, input: RecordInput) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const id = await insertRecord(tx, deps.clock, ctx, input);
    await deps.supervision.refreshItems(tx, ITEM_TYPE, [id]);
    return readRecordIn(tx, deps, ctx, id);
  });
