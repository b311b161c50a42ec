import { LEDGER_EDIT_DAYS } from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { checkEntryInput, type EntryInput } from '../recruitment.checks.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { ITEM_TYPE, isEditable, todayOf } from '../recruitment.queries.ts';
import { recruitmentEntries } from '../recruitment.table.ts';
import { audit, syncLatest } from '../recruitment.writes.ts';
import { readRecordIn } from './read-record.ts';

type Deps = Pick<RecruitmentDeps, 'db' | 'clock' | 'files' | 'supervision'>;

/** Edits an entry while it is young; after LEDGER_EDIT_DAYS only a correcting entry may amend it. */
export const updateEntry = (deps: Deps, ctx: UserContext, entryId: string, input: EntryInput) =>
  deps.db.transaction(ctx.scope, async (tx) => {
    const { clock } = deps;
    const [entry] = await tx
      .select()
      .from(recruitmentEntries)
      .where(eq(recruitmentEntries.id, entryId))
      .for('update');
    if (!entry) throw notFound(ctx.lang);
    if (!isEditable(entry.createdAt, clock.now())) {
      throw new AppError(
        409,
        'LEDGER_LOCKED',
        `台账条目填报已超过 ${LEDGER_EDIT_DAYS} 天，不能修改，请新增一条更正记录`,
      );
    }
    const check = { files: deps.files, today: todayOf(clock) };
    await checkEntryInput(tx, check, ctx, entry.recordId, { ...input, correctsId: entry.correctsId });
    // The database enforces the same rule against this clock (see the ledger trigger).
    await tx.execute(sql`SELECT set_config('gaodi.now', ${clock.now().toISOString()}, true)`);
    await tx
      .update(recruitmentEntries)
      .set({
        entryOn: input.entryOn,
        kind: input.kind,
        participants: input.participants,
        content: input.content,
        result: input.result,
        nextStep: input.nextStep,
        nextDate: input.nextDate,
        attachmentIds: input.attachmentIds,
      })
      .where(eq(recruitmentEntries.id, entryId));
    const detail = { recordId: entry.recordId };
    await audit(tx, clock, ctx, {
      action: 'update',
      targetType: 'recruitment_entry',
      targetId: entryId,
      detail,
    });
    await syncLatest(tx, clock, entry.recordId);
    await deps.supervision.refreshItems(tx, ITEM_TYPE, [entry.recordId]);
    return readRecordIn(tx, deps, ctx, entry.recordId);
  });
