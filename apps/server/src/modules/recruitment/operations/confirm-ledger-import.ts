import type { EntryKind, Grade, LedgerImportResult, Stage } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Tx } from '../../../platform/db/database.ts';
import type { UploadStore } from '../../../platform/excel/upload-store.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { writeInSlices } from '../../../platform/jobs/yielding.ts';
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
export const LEDGER_IMPORT_KIND = 'recruitment-ledger-import';

type Deps = {
  db: Database;
  clock: Clock;
  uploads: UploadStore;
  directory: DirectoryService;
  supervision: SupervisionService;
};
type Step = (tx: Tx) => Promise<void>;
/** What the steps share as they run: the records' ids by key, the records that got entries. */
type Progress = { idOfKey: Map<string, string>; touched: Set<string>; newIdOfFileId: Map<string, string> };

/** A record of the sheet: its institute created in the same transaction when the directory lacks it. */
function recordStep(
  { clock, directory }: Deps,
  ctx: UserContext,
  r: ParsedRecord,
  p: Progress,
  counts: LedgerImportResult,
): Step {
  return async (tx) => {
    if (!r.instituteId) {
      const created = await directory.insertInstitute(tx, ctx, {
        name: r.instituteName,
        kind: 'other',
        level: 'other',
        city: '',
      });
      r.instituteId = created.id;
      counts.institutesCreated++;
    }
    const input = {
      instituteId: r.instituteId,
      grade: r.grade,
      cooperationMode: r.cooperationMode,
      industryId: r.industryId,
      ownerId: r.ownerId,
      taskForceLeadId: r.leadId,
      taskForceMemberIds: [],
      isGreenChannel: r.isGreenChannel,
      notes: '',
    };
    if (!r.existingId) {
      p.idOfKey.set(r.key, await insertRecord(tx, clock, ctx, input, r.stage, { signedOn: r.signedOn }));
      counts.recordsCreated++;
      return;
    }
    const [current] = await tx
      .select()
      .from(recruitmentRecords)
      .where(eq(recruitmentRecords.id, r.existingId));
    if (!current) throw new AppError(409, 'IMPORT_STALE', `第 ${r.row} 行的记录已不存在，请重新导入`);
    await updateRecordIn(tx, clock, ctx, r.existingId, {
      ...input,
      taskForceMemberIds: current.taskForceMemberIds,
      notes: current.notes,
    });
    p.idOfKey.set(r.key, r.existingId);
    counts.recordsUpdated++;
  };
}

function entryStep(ctx: UserContext, at: Date, e: ParsedEntry, p: Progress): Step {
  return async (tx) => {
    const recordId = p.idOfKey.get(e.recordKey) ?? e.recordKey;
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
        correctsId: (e.correctsId && p.newIdOfFileId.get(e.correctsId)) ?? e.correctsId,
        stageFrom: e.stageFrom,
        stageTo: e.stageTo,
        authorId: null,
        authorName: e.author,
        createdAt: at,
      })
      .returning({ id: recruitmentEntries.id });
    if (row && e.fileId) p.newIdOfFileId.set(e.fileId, row.id);
    p.touched.add(recordId);
  };
}

/**
 * Confirms a previewed ledger import: institutes the directory lacks, records, entries, lights and
 * the audit row are written as one list of steps through one writeInSlices — one transaction on
 * PostgreSQL and for an import of up to ATOMIC_WRITES steps on PGlite, so a row that fails late
 * leaves nothing behind (not even the institutes created for earlier rows).
 */
export async function confirmLedgerImport(
  deps: Deps,
  ctx: UserContext,
  token: string,
): Promise<LedgerImportResult> {
  const { db, clock, uploads, supervision } = deps;
  const parsed = uploads.take<ParsedLedger>(ctx.user.id, LEDGER_IMPORT_KIND, token);
  if (!parsed) throw new AppError(400, 'IMPORT_EXPIRED', '导入预览已失效，请重新上传文件');
  const now = clock.now();
  const p: Progress = { idOfKey: new Map(), touched: new Set(), newIdOfFileId: new Map() };
  const counts = {
    recordsCreated: 0,
    recordsUpdated: 0,
    entriesCreated: parsed.entries.length,
    institutesCreated: 0,
  };
  // The records whose latest entry and light change, known once records and entries are written.
  let refreshed: string[] | null = null;
  const refreshedIds = () => {
    refreshed ??= [...new Set([...p.idOfKey.values(), ...p.touched])];
    return refreshed;
  };
  const chunks = Math.ceil((parsed.records.length + parsed.entries.length) / 50);
  const steps: Step[] = [
    ...parsed.records.map((r) => recordStep(deps, ctx, r, p, counts)),
    ...parsed.entries.map((e) => entryStep(ctx, now, e, p)),
    ...Array.from(
      { length: chunks },
      (_, i): Step =>
        async (tx) => {
          const ids = refreshedIds().slice(i * 50, i * 50 + 50);
          if (ids.length === 0) return;
          for (const id of ids) if (p.touched.has(id)) await syncLatest(tx, clock, id);
          await supervision.refreshItems(tx, 'recruitment', ids);
        },
    ),
    async (tx) => {
      await recordAudit(tx, {
        regionCode: ctx.user.activeRegionCode,
        at: now,
        actorId: ctx.user.id,
        actorName: ctx.user.username,
        action: 'import',
        targetType: 'recruitment',
        result: 'ok',
        clientAddress: ctx.clientAddress,
        detail: counts,
      });
    },
  ];
  await writeInSlices(
    db.engine,
    steps,
    (fn) => db.transaction(ctx.scope, fn),
    (tx, step) => step(tx),
  );
  return counts;
}
