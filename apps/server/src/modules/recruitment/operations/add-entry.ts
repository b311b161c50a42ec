import type { UserContext } from '../../../platform/auth/context.ts';
import { checkEntryInput, type EntryInput } from '../recruitment.checks.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { ITEM_TYPE, lockRecord, todayOf } from '../recruitment.queries.ts';
import { insertEntry, syncLatest } from '../recruitment.writes.ts';
import { readRecordIn } from './read-record.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision'>;

/** A new ledger entry (or a correction of an older one); the record's next step follows the newest entry. */
export const addEntry = (deps: Deps, ctx: UserContext, recordId: string, input: EntryInput) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    await lockRecord(tx, ctx, recordId);
    await checkEntryInput(tx, { files: deps.files, today: todayOf(deps.clock) }, ctx, recordId, input);
    await insertEntry(tx, deps.clock, ctx, recordId, input);
    await syncLatest(tx, deps.clock, recordId);
    await deps.supervision.refreshItems(tx, ITEM_TYPE, [recordId]);
    return readRecordIn(tx, deps, ctx, recordId);
  });
