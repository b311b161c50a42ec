import type { EntryKind, Grade, ImportJob, Stage } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type ImportStep, startImportJob } from '../../../platform/jobs/import-jobs.ts';
import type { DirectoryService } from '../../directory/index.ts';
import type { SupervisionService } from '../../supervision/index.ts';
import { recruitmentEntries, recruitmentRecords } from '../recruitment.table.ts';
import { insertRecord, syncLatest, updateRecordIn } from '../recruitment.writes.ts';

export type ParsedRecord = {
  row: number;
  /** Key the entries use: the file's 记录ID, else the institute name. */
  key: string;
  existingId: string | null;
  instituteName: string;
  instituteId: string | null;
  grade: Grade;
  stage: Stage;
  cooperationMode: string;
  industryId: string | null;
  ownerId: string;
  leadId: string;
  isGreenChannel: boolean;
  signedOn: string | null;
};

export type ParsedEntry = {
  row: number;
  recordKey: string;
  fileId: string | null;
  entryOn: string;
  kind: EntryKind;
  participants: string;
  content: string;
  result: string;
  nextStep: string;
  nextDate: string | null;
  stageFrom: Stage | null;
  stageTo: Stage | null;
  correctsId: string | null;
  author: string;
};

export type ParsedLedger = { records: ParsedRecord[]; entries: ParsedEntry[] };

type Deps = { db: Database; clock: Clock; directory: DirectoryService; supervision: SupervisionService };

/**
 * Writes a previewed ledger as a background job, in ONE transaction: the institutes the directory
 * lacks (through the directory, which owns them), the records, the entries, the lights of every
 * record touched and the audit row. A failure leaves nothing written.
 */
export function confirmLedgerImport(deps: Deps, ctx: UserContext, parsed: ParsedLedger): Promise<ImportJob> {
  // Rows, then the lights refreshed 50 records at a time.
  const total = parsed.records.length + parsed.entries.length + Math.ceil(parsed.records.length / 50);
  return startImportJob(deps, ctx, 'recruitment-ledger-import', total, async (tx, step) => {
    const institutesCreated = await createInstitutes(deps, tx, ctx, parsed.records);
    const records = await writeRecords(deps, tx, ctx, step, parsed.records);
    const touched = await writeEntries(deps, tx, ctx, step, parsed.entries, records.idOfKey);
    const refreshed = [...new Set([...records.idOfKey.values(), ...touched])];
    for (let i = 0; i < refreshed.length; i += 50) {
      await step();
      const ids = refreshed.slice(i, i + 50);
      for (const id of ids) if (touched.has(id)) await syncLatest(tx, deps.clock, id);
      await deps.supervision.refreshItems(tx, 'recruitment', ids);
    }
    const result = {
      recordsCreated: records.created,
      recordsUpdated: records.updated,
      entriesCreated: parsed.entries.length,
      institutesCreated,
    };
    await recordAudit(tx, {
      regionCode: ctx.user.activeRegionCode,
      at: deps.clock.now(),
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      action: 'import',
      targetType: 'recruitment',
      result: 'ok',
      clientAddress: ctx.clientAddress,
      detail: result,
    });
    return result;
  });
}

async function createInstitutes(deps: Deps, tx: Tx, ctx: UserContext, records: ParsedRecord[]) {
  let created = 0;
  for (const r of records) {
    if (r.instituteId) continue;
    const made = await deps.directory.insertInstitute(tx, ctx, {
      name: r.instituteName,
      kind: 'other',
      level: 'other',
      city: '',
    });
    r.instituteId = made.id;
    created++;
  }
  return created;
}

async function writeRecords(deps: Deps, tx: Tx, ctx: UserContext, step: ImportStep, records: ParsedRecord[]) {
  const idOfKey = new Map<string, string>();
  let created = 0;
  let updated = 0;
  for (const r of records) {
    await step();
    const input = {
      instituteId: r.instituteId as string,
      grade: r.grade,
      cooperationMode: r.cooperationMode,
      industryId: r.industryId,
      ownerId: r.ownerId,
      taskForceLeadId: r.leadId,
      taskForceMemberIds: [],
      isGreenChannel: r.isGreenChannel,
      notes: '',
    };
    if (r.existingId) {
      const [current] = await tx
        .select()
        .from(recruitmentRecords)
        .where(eq(recruitmentRecords.id, r.existingId));
      if (!current) throw new AppError(409, 'IMPORT_STALE', `第 ${r.row} 行的记录已不存在，请重新导入`);
      await updateRecordIn(tx, deps.clock, ctx, r.existingId, {
        ...input,
        taskForceMemberIds: current.taskForceMemberIds,
        notes: current.notes,
      });
      idOfKey.set(r.key, r.existingId);
      updated++;
    } else {
      idOfKey.set(r.key, await insertRecord(tx, deps.clock, ctx, input, r.stage, { signedOn: r.signedOn }));
      created++;
    }
  }
  return { idOfKey, created, updated };
}

async function writeEntries(
  deps: Deps,
  tx: Tx,
  ctx: UserContext,
  step: ImportStep,
  entries: ParsedEntry[],
  idOfKey: Map<string, string>,
) {
  const newIdOfFileId = new Map<string, string>();
  const touched = new Set<string>();
  const now = deps.clock.now();
  for (const e of entries) {
    await step();
    const recordId = idOfKey.get(e.recordKey) ?? e.recordKey;
    const [row] = await tx
      .insert(recruitmentEntries)
      .values({
        regionCode: ctx.user.activeRegionCode,
        recordId,
        entryOn: e.entryOn,
        kind: e.kind,
        participants: e.participants,
        content: e.content,
        result: e.result,
        nextStep: e.nextStep,
        nextDate: e.nextDate,
        correctsId: (e.correctsId && newIdOfFileId.get(e.correctsId)) ?? e.correctsId,
        stageFrom: e.stageFrom,
        stageTo: e.stageTo,
        authorId: null,
        authorName: e.author,
        createdAt: now,
      })
      .returning({ id: recruitmentEntries.id });
    if (row && e.fileId) newIdOfFileId.set(e.fileId, row.id);
    touched.add(recordId);
  }
  return touched;
}
