import {
  type Attachment,
  type BoardQuery,
  canMoveStage,
  ENTRY_KIND_LABELS,
  GRADES,
  LEDGER_EDIT_DAYS,
  type LedgerEntry,
  type LedgerEntryInput,
  type LightReason,
  type LightState,
  type Milestone,
  type MilestoneInput,
  type MyWork,
  type Person,
  type PlatformInput,
  RECRUITED_STAGES,
  type Recruitment,
  type RecruitmentInput,
  type RecruitmentListQuery,
  type RecruitmentPatch,
  type RecruitmentPlan,
  type RecruitmentPlanInput,
  type RecruitmentSummary,
  STAGE_TRANSITIONS,
  STAGES,
  type Stage,
  type StageMoveInput,
} from '@gaodi/contracts';
import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { recordUserAction } from '../../platform/audit/audit.ts';
import { users } from '../../platform/auth/auth.table.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/http/errors.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import type { FilesService } from '../../platform/storage/files.service.ts';
import { searchPattern } from '../../platform/text/search-text.ts';
import { industries, institutes } from '../directory/index.ts';
import type { PlatformService } from '../innovation/index.ts';
import { readStageNames } from '../settings/index.ts';
import { type SupervisionService, supervisionLights } from '../supervision/index.ts';
import {
  recruitmentEntries,
  recruitmentMilestones,
  recruitmentPlans,
  recruitmentRecords,
} from './recruitment.table.ts';

export type RecruitmentService = ReturnType<typeof createRecruitmentService>;
type ListQuery = z.output<typeof RecruitmentListQuery>;
type BoardInput = z.output<typeof BoardQuery>;
type Input = z.output<typeof RecruitmentInput>;
type EntryInput = z.output<typeof LedgerEntryInput>;
type MoveInput = z.output<typeof StageMoveInput>;

const DAY_MS = 86_400_000;
const ITEM_TYPE = 'recruitment' as const;
const ownerUser = alias(users, 'owner_user');
const LIGHT_RANK = sql`CASE ${supervisionLights.light} WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END`;
/** The board's grouping expressions: a record's column key ('' for a record without an owner). */
const BOARD_KEY: Record<BoardInput['groupBy'], SQL> = {
  stage: sql`${recruitmentRecords.stage}`,
  grade: sql`${recruitmentRecords.grade}`,
  light: sql`coalesce(${supervisionLights.light}, 'none')`,
  owner: sql`coalesce(${recruitmentRecords.ownerId}::text, '')`,
};
/** The columns shown even when empty, in order (stages: the main line, then the side exits). */
const FIXED_BOARD_KEYS: Record<Exclude<BoardInput['groupBy'], 'owner'>, readonly string[]> = {
  stage: STAGES,
  grade: GRADES,
  light: ['red', 'yellow', 'green', 'none'],
};
const BY_NAME = new Intl.Collator('zh-CN');
const STAGE_RANK = sql.raw(
  `CASE recruitment_records.stage ${STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`,
);

/** Recruitment records, task forces, milestones and the work ledger (工作台账). */
export function createRecruitmentService({
  db,
  clock,
  supervision,
  platforms,
  files,
}: {
  db: Database;
  clock: Clock;
  supervision: SupervisionService;
  platforms: PlatformService;
  files: FilesService;
}) {
  const today = () => chinaDay(clock.now());
  const audit = (
    tx: Tx,
    ctx: UserContext,
    action: string,
    targetType: string,
    targetId: string,
    detail?: unknown,
  ) => recordUserAction(tx, ctx, clock.now(), { action, targetType, targetId, detail });

  // ---- list and board ---------------------------------------------------------------------

  const overdueCount = (day: string) =>
    sql<number>`(SELECT count(*)::int FROM recruitment_milestones m
      WHERE m.record_id = ${recruitmentRecords.id} AND m.done_on IS NULL AND m.due_on < ${day}::date)`;

  const summaryColumns = (day: string) => ({
    r: recruitmentRecords,
    instituteName: institutes.name,
    industryName: industries.name,
    ownerName: ownerUser.displayName,
    light: supervisionLights.light,
    reasons: supervisionLights.reasons,
    since: supervisionLights.since,
    overdue: overdueCount(day),
  });

  type SummaryRow = {
    r: typeof recruitmentRecords.$inferSelect;
    instituteName: string;
    industryName: string | null;
    ownerName: string | null;
    light: string | null;
    reasons: unknown;
    since: Date | null;
    overdue: number;
  };

  const lightOf = (row: Pick<SummaryRow, 'light' | 'reasons' | 'since'>): LightState => ({
    light: (row.light ?? 'none') as LightState['light'],
    reasons: (row.reasons ?? []) as LightReason[],
    since: row.since?.toISOString() ?? null,
  });

  const toSummary = (row: SummaryRow): RecruitmentSummary => ({
    id: row.r.id,
    regionCode: row.r.regionCode,
    instituteId: row.r.instituteId,
    instituteName: row.instituteName,
    grade: row.r.grade as RecruitmentSummary['grade'],
    stage: row.r.stage as Stage,
    industryId: row.r.industryId,
    industryName: row.industryName,
    owner: row.ownerName ? { id: row.r.ownerId, name: row.ownerName } : null,
    isGreenChannel: row.r.isGreenChannel,
    lastEntryOn: row.r.lastEntryOn,
    nextStep: row.r.nextStep,
    nextDate: row.r.nextDate,
    overdueMilestones: row.overdue,
    light: lightOf(row),
    updatedAt: row.r.updatedAt.toISOString(),
  });

  function summaryQuery(tx: Tx, day: string, where: SQL | undefined) {
    return tx
      .select(summaryColumns(day))
      .from(recruitmentRecords)
      .innerJoin(institutes, eq(institutes.id, recruitmentRecords.instituteId))
      .leftJoin(industries, eq(industries.id, recruitmentRecords.industryId))
      .leftJoin(ownerUser, eq(ownerUser.id, recruitmentRecords.ownerId))
      .leftJoin(
        supervisionLights,
        and(eq(supervisionLights.itemType, ITEM_TYPE), eq(supervisionLights.itemId, recruitmentRecords.id)),
      )
      .where(where);
  }

  function listWhere(query: Partial<ListQuery>, day: string): SQL | undefined {
    return and(
      query.q ? sql`${institutes.searchText} LIKE ${searchPattern(query.q)}` : undefined,
      query.stage ? eq(recruitmentRecords.stage, query.stage) : undefined,
      query.grade ? eq(recruitmentRecords.grade, query.grade) : undefined,
      query.light ? sql`coalesce(${supervisionLights.light}, 'none') = ${query.light}` : undefined,
      query.industryId ? eq(recruitmentRecords.industryId, query.industryId) : undefined,
      query.ownerId ? eq(recruitmentRecords.ownerId, query.ownerId) : undefined,
      query.isGreenChannel === undefined
        ? undefined
        : eq(recruitmentRecords.isGreenChannel, query.isGreenChannel),
      query.isOverdue === undefined
        ? undefined
        : query.isOverdue
          ? sql`(${recruitmentRecords.nextDate} < ${day}::date OR ${overdueCount(day)} > 0)`
          : sql`NOT (coalesce(${recruitmentRecords.nextDate} < ${day}::date, false) OR ${overdueCount(day)} > 0)`,
    );
  }

  function sortOf(query: ListQuery): SQL[] {
    const dir = query.order === 'asc' ? sql`ASC` : sql`DESC`;
    const nulls = query.order === 'asc' ? sql`NULLS LAST` : sql`NULLS LAST`;
    const column = {
      updatedAt: sql`${recruitmentRecords.updatedAt}`,
      lastEntryOn: sql`${recruitmentRecords.lastEntryOn}`,
      nextDate: sql`${recruitmentRecords.nextDate}`,
      light: LIGHT_RANK,
      grade: sql`${recruitmentRecords.grade}`,
      institute: sql`${institutes.name}`,
      stage: STAGE_RANK,
    }[query.sort];
    return [sql`${column} ${dir} ${nulls}`, sql`${recruitmentRecords.id} ASC`];
  }

  async function listRecords(ctx: UserContext, query: ListQuery) {
    const day = today();
    return db.transaction(ctx.scope, async (tx) => {
      const where = listWhere(query, day);
      const rows = await summaryQuery(tx, day, where)
        .orderBy(...sortOf(query))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(recruitmentRecords)
        .innerJoin(institutes, eq(institutes.id, recruitmentRecords.instituteId))
        .leftJoin(
          supervisionLights,
          and(eq(supervisionLights.itemType, ITEM_TYPE), eq(supervisionLights.itemId, recruitmentRecords.id)),
        )
        .where(where);
      return { items: rows.map(toSummary), total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
    });
  }

  /**
   * The board: per value of the grouping field its count and its first cards, worst light first,
   * then least recently touched. Ranked in SQL (one window partitioned by the grouping expression),
   * so only the cards shown are read in full.
   */
  async function board(ctx: UserContext, query: BoardInput) {
    const day = today();
    const key = BOARD_KEY[query.groupBy];
    return db.transaction(ctx.scope, async (tx) => {
      const base = tx
        .select({
          id: sql<string>`${recruitmentRecords.id}`.as('card_id'),
          key: sql<string>`${key}`.as('card_key'),
          rn: sql<number>`row_number() OVER (PARTITION BY ${key} ORDER BY ${LIGHT_RANK} DESC, ${recruitmentRecords.updatedAt} ASC, ${recruitmentRecords.id})`.as(
            'rn',
          ),
          total: sql<number>`count(*) OVER (PARTITION BY ${key})`.as('total'),
        })
        .from(recruitmentRecords)
        .leftJoin(
          supervisionLights,
          and(eq(supervisionLights.itemType, ITEM_TYPE), eq(supervisionLights.itemId, recruitmentRecords.id)),
        )
        .$dynamic();
      // The institute is joined only to search its name: on a large region every join costs a row-level-security scan.
      const ranked = (
        query.q ? base.innerJoin(institutes, eq(institutes.id, recruitmentRecords.instituteId)) : base
      )
        .where(listWhere(query, day))
        .as('ranked');
      const top = await tx
        .select({ id: ranked.id, key: ranked.key, total: ranked.total })
        .from(ranked)
        .where(sql`${ranked.rn} <= ${query.perColumn}`);
      const totals = new Map(top.map((t) => [t.key, Number(t.total)]));
      const keyOf = new Map(top.map((t) => [t.id, t.key]));
      const rows =
        top.length === 0
          ? []
          : await summaryQuery(
              tx,
              day,
              inArray(
                recruitmentRecords.id,
                top.map((t) => t.id),
              ),
            ).orderBy(desc(LIGHT_RANK), asc(recruitmentRecords.updatedAt), asc(recruitmentRecords.id));
      const items = new Map<string, RecruitmentSummary[]>();
      for (const row of rows) {
        const k = keyOf.get(row.r.id) ?? '';
        const list = items.get(k) ?? [];
        list.push(toSummary(row));
        items.set(k, list);
      }
      const column = (k: string, label?: string) => ({
        key: k,
        ...(label === undefined ? {} : { label }),
        total: totals.get(k) ?? 0,
        items: items.get(k) ?? [],
      });
      if (query.groupBy !== 'owner') {
        return { groupBy: query.groupBy, columns: FIXED_BOARD_KEYS[query.groupBy].map((k) => column(k)) };
      }
      // Owners with cards, by name (every such column shows at least one card, which names its owner).
      const owners = [...totals.keys()]
        .filter((k) => k !== '')
        .map((k) => ({ k, name: items.get(k)?.[0]?.owner?.name ?? k }))
        .sort((a, b) => BY_NAME.compare(a.name, b.name) || a.k.localeCompare(b.k));
      return {
        groupBy: query.groupBy,
        columns: [...owners.map((o) => column(o.k, o.name)), column('')],
      };
    });
  }

  // ---- detail -----------------------------------------------------------------------------

  const toMilestone = (m: typeof recruitmentMilestones.$inferSelect): Milestone => ({
    id: m.id,
    title: m.title,
    dueOn: m.dueOn,
    doneOn: m.doneOn,
    proofFileId: m.proofFileId,
    proofNote: m.proofNote,
  });

  function toEntry(
    e: typeof recruitmentEntries.$inferSelect,
    attachments: Map<string, Attachment>,
  ): LedgerEntry {
    return {
      id: e.id,
      recordId: e.recordId,
      entryOn: e.entryOn,
      kind: e.kind as LedgerEntry['kind'],
      participants: e.participants,
      content: e.content,
      result: e.result,
      nextStep: e.nextStep,
      nextDate: e.nextDate,
      attachments: e.attachmentIds.flatMap((id) => attachments.get(id) ?? []),
      correctsId: e.correctsId,
      stageFrom: e.stageFrom as Stage | null,
      stageTo: e.stageTo as Stage | null,
      authorName: e.authorName,
      createdAt: e.createdAt.toISOString(),
      isEditable: isEditable(e.createdAt),
    };
  }

  const isEditable = (createdAt: Date) =>
    clock.now().getTime() - createdAt.getTime() < LEDGER_EDIT_DAYS * DAY_MS;

  async function peopleIn(tx: Tx, ids: readonly string[]): Promise<Map<string, Person>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async function getRecordIn(tx: Tx, ctx: UserContext, id: string): Promise<Recruitment> {
    const day = today();
    const [row] = await summaryQuery(tx, day, eq(recruitmentRecords.id, id));
    if (!row) throw notFound(ctx.lang);
    const r = row.r;
    const milestones = await tx
      .select()
      .from(recruitmentMilestones)
      .where(eq(recruitmentMilestones.recordId, id))
      .orderBy(asc(recruitmentMilestones.dueOn), asc(recruitmentMilestones.id));
    const entries = await tx
      .select()
      .from(recruitmentEntries)
      .where(eq(recruitmentEntries.recordId, id))
      .orderBy(desc(recruitmentEntries.entryOn), desc(recruitmentEntries.createdAt));
    const attachments = await files.findAttachments(tx, [
      ...entries.flatMap((e) => e.attachmentIds),
      ...(r.agreementFileId ? [r.agreementFileId] : []),
    ]);
    const people = await peopleIn(tx, [r.taskForceLeadId, ...r.taskForceMemberIds]);
    const platform = r.platformId ? await platforms.findPlatform(tx, r.platformId) : null;
    return {
      ...toSummary(row),
      cooperationMode: r.cooperationMode,
      notes: r.notes,
      taskForceLead: people.get(r.taskForceLeadId) ?? null,
      taskForceMembers: r.taskForceMemberIds.flatMap((m) => people.get(m) ?? []),
      signedOn: r.signedOn,
      agreement: r.agreementFileId ? (attachments.get(r.agreementFileId) ?? null) : null,
      platformId: r.platformId,
      platformName: platform?.name ?? null,
      exitReason: r.exitReason,
      milestones: milestones.map(toMilestone),
      entries: entries.map((e) => toEntry(e, attachments)),
      lightHistory: await supervision.listLightHistory(tx, ITEM_TYPE, id),
      allowedStages: [...STAGE_TRANSITIONS[r.stage as Stage]],
      createdAt: r.createdAt.toISOString(),
    };
  }

  const getRecord = (ctx: UserContext, id: string) =>
    db.transaction(ctx.scope, (tx) => getRecordIn(tx, ctx, id));

  // ---- writes -----------------------------------------------------------------------------

  /** Refuses people who are not active users of the caller's visible regions, per field. */
  async function checkPeople(tx: Tx, ctx: UserContext, fields: { path: string; ids: readonly string[] }[]) {
    const known = await peopleIn(
      tx,
      fields.flatMap((f) => f.ids),
    );
    const problems: FieldProblem[] = [];
    for (const f of fields) {
      f.ids.forEach((id, i) => {
        if (!known.has(id))
          problems.push({
            path: f.ids.length > 1 || f.path.endsWith('Ids') ? `${f.path}.${i}` : f.path,
            message: '该人员不存在或不在本区域',
          });
      });
    }
    if (problems.length > 0) throw invalid(problems, ctx.lang);
  }

  async function checkRecordInput(tx: Tx, ctx: UserContext, input: Input) {
    await checkPeople(tx, ctx, [
      { path: 'ownerId', ids: [input.ownerId] },
      { path: 'taskForceLeadId', ids: [input.taskForceLeadId] },
      { path: 'taskForceMemberIds', ids: input.taskForceMemberIds },
    ]);
    const [inst] = await tx
      .select({ id: institutes.id })
      .from(institutes)
      .where(eq(institutes.id, input.instituteId));
    if (!inst) throw invalid([{ path: 'instituteId', message: '院所不存在' }], ctx.lang);
    if (input.industryId) {
      const [ind] = await tx
        .select({ id: industries.id })
        .from(industries)
        .where(eq(industries.id, input.industryId));
      if (!ind) throw invalid([{ path: 'industryId', message: '产业不存在' }], ctx.lang);
    }
  }

  const recordValues = (input: Input) => ({
    instituteId: input.instituteId,
    grade: input.grade,
    cooperationMode: input.cooperationMode,
    industryId: input.industryId,
    ownerId: input.ownerId,
    taskForceLeadId: input.taskForceLeadId,
    // The lead is a member of their own task force.
    taskForceMemberIds: [...new Set([input.taskForceLeadId, ...input.taskForceMemberIds])],
    isGreenChannel: input.isGreenChannel,
    notes: input.notes,
  });

  /** Inserts in the caller's transaction (create and import). `stage` other than 线索 only for imported history. */
  async function insertRecord(
    tx: Tx,
    ctx: UserContext,
    input: Input,
    stage: Stage = 'lead',
    extra: { signedOn?: string | null } = {},
  ) {
    await checkRecordInput(tx, ctx, input);
    const existing = await tx
      .select({ id: recruitmentRecords.id })
      .from(recruitmentRecords)
      .where(
        and(
          eq(recruitmentRecords.instituteId, input.instituteId),
          eq(recruitmentRecords.regionCode, ctx.user.activeRegionCode),
        ),
      );
    if (existing.length > 0)
      throw invalid([{ path: 'instituteId', message: '该院所已有招引记录（一院所一专班）' }], ctx.lang);
    const now = clock.now();
    const [row] = await tx
      .insert(recruitmentRecords)
      .values({
        ...recordValues(input),
        regionCode: ctx.user.activeRegionCode,
        stage,
        signedOn: extra.signedOn ?? null,
        stageChangedAt: now,
        createdBy: ctx.user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: recruitmentRecords.id });
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, ctx, 'create', 'recruitment', row.id);
    return row.id;
  }

  async function updateRecordIn(tx: Tx, ctx: UserContext, id: string, input: Input) {
    await checkRecordInput(tx, ctx, input);
    const updated = await tx
      .update(recruitmentRecords)
      .set({ ...recordValues(input), updatedAt: clock.now() })
      .where(eq(recruitmentRecords.id, id))
      .returning({ id: recruitmentRecords.id });
    if (updated.length === 0) throw notFound(ctx.lang);
    await audit(tx, ctx, 'update', 'recruitment', id);
  }

  const createRecord = (ctx: UserContext, input: Input) =>
    db.transaction(ctx.scope, async (tx) => {
      const id = await insertRecord(tx, ctx, input);
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getRecordIn(tx, ctx, id);
    });

  const updateRecord = (ctx: UserContext, id: string, input: Input) =>
    db.transaction(ctx.scope, async (tx) => {
      await updateRecordIn(tx, ctx, id, input);
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getRecordIn(tx, ctx, id);
    });

  /** The grade or owner alone, merged into the locked row, so a concurrent edit of other fields stands. */
  const patchRecord = (ctx: UserContext, id: string, patch: z.output<typeof RecruitmentPatch>) =>
    db.transaction(ctx.scope, async (tx) => {
      const row = await lockRecord(tx, ctx, id);
      await updateRecordIn(tx, ctx, id, {
        instituteId: row.instituteId,
        grade: patch.grade ?? (row.grade as Input['grade']),
        cooperationMode: row.cooperationMode,
        industryId: row.industryId,
        ownerId: patch.ownerId ?? row.ownerId,
        taskForceLeadId: row.taskForceLeadId,
        taskForceMemberIds: row.taskForceMemberIds,
        isGreenChannel: row.isGreenChannel,
        notes: row.notes,
      });
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getRecordIn(tx, ctx, id);
    });

  async function lockRecord(tx: Tx, ctx: UserContext, id: string) {
    const [row] = await tx
      .select()
      .from(recruitmentRecords)
      .where(eq(recruitmentRecords.id, id))
      .for('update');
    if (!row) throw notFound(ctx.lang);
    return row;
  }

  /** The record's "latest" columns follow its newest entry (by date, then by when it was written). */
  async function syncLatest(tx: Tx, recordId: string) {
    await tx.execute(sql`
      UPDATE recruitment_records r
      SET last_entry_on = e.entry_on, next_step = e.next_step, next_date = e.next_date, updated_at = ${clock.now()}
      FROM (SELECT entry_on, next_step, next_date FROM recruitment_entries WHERE record_id = ${recordId}
            ORDER BY entry_on DESC, created_at DESC LIMIT 1) e
      WHERE r.id = ${recordId}`);
  }

  async function checkEntryInput(tx: Tx, ctx: UserContext, recordId: string, input: EntryInput) {
    const problems: FieldProblem[] = [];
    if (input.entryOn > today()) problems.push({ path: 'entryOn', message: '日期不能晚于今天' });
    if (input.nextDate && input.nextDate < input.entryOn)
      problems.push({ path: 'nextDate', message: '下一步时间不能早于本次日期' });
    const found = await files.findAttachments(tx, input.attachmentIds);
    input.attachmentIds.forEach((id, i) => {
      if (!found.has(id)) problems.push({ path: `attachmentIds.${i}`, message: '附件不存在' });
    });
    if (input.correctsId) {
      const [target] = await tx
        .select({ recordId: recruitmentEntries.recordId })
        .from(recruitmentEntries)
        .where(eq(recruitmentEntries.id, input.correctsId));
      if (!target || target.recordId !== recordId)
        problems.push({ path: 'correctsId', message: '被更正的台账条目不属于该记录' });
    }
    if (problems.length > 0) throw invalid(problems, ctx.lang);
  }

  /** Appends a ledger entry in the caller's transaction (also used by stage moves and import). */
  async function insertEntry(
    tx: Tx,
    ctx: UserContext,
    recordId: string,
    input: EntryInput,
    extra: { stageFrom?: Stage; stageTo?: Stage; authorName?: string } = {},
  ): Promise<string> {
    const [row] = await tx
      .insert(recruitmentEntries)
      .values({
        regionCode: ctx.user.activeRegionCode,
        recordId,
        entryOn: input.entryOn,
        kind: input.kind,
        participants: input.participants,
        content: input.content,
        result: input.result,
        nextStep: input.nextStep,
        nextDate: input.nextDate,
        attachmentIds: input.attachmentIds,
        correctsId: input.correctsId,
        stageFrom: extra.stageFrom ?? null,
        stageTo: extra.stageTo ?? null,
        authorId: ctx.user.id,
        authorName: extra.authorName ?? ctx.user.displayName,
        createdAt: clock.now(),
      })
      .returning({ id: recruitmentEntries.id });
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, ctx, 'create', 'recruitment_entry', row.id, { recordId });
    return row.id;
  }

  const addEntry = (ctx: UserContext, recordId: string, input: EntryInput) =>
    db.transaction(ctx.scope, async (tx) => {
      await lockRecord(tx, ctx, recordId);
      await checkEntryInput(tx, ctx, recordId, input);
      await insertEntry(tx, ctx, recordId, input);
      await syncLatest(tx, recordId);
      await supervision.refreshItems(tx, ITEM_TYPE, [recordId]);
      return getRecordIn(tx, ctx, recordId);
    });

  /** Edits an entry while it is young; after LEDGER_EDIT_DAYS only a correcting entry may amend it. */
  const updateEntry = (ctx: UserContext, entryId: string, input: EntryInput) =>
    db.transaction(ctx.scope, async (tx) => {
      const [entry] = await tx
        .select()
        .from(recruitmentEntries)
        .where(eq(recruitmentEntries.id, entryId))
        .for('update');
      if (!entry) throw notFound(ctx.lang);
      if (!isEditable(entry.createdAt)) {
        throw new AppError(
          409,
          'LEDGER_LOCKED',
          `台账条目填报已超过 ${LEDGER_EDIT_DAYS} 天，不能修改，请新增一条更正记录`,
        );
      }
      await checkEntryInput(tx, ctx, entry.recordId, { ...input, correctsId: entry.correctsId });
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
      await audit(tx, ctx, 'update', 'recruitment_entry', entryId, { recordId: entry.recordId });
      await syncLatest(tx, entry.recordId);
      await supervision.refreshItems(tx, ITEM_TYPE, [entry.recordId]);
      return getRecordIn(tx, ctx, entry.recordId);
    });

  /**
   * Moves a record along STAGE_TRANSITIONS. The move's own requirements (signing date and
   * agreement, platform, reason) are checked per field; the move writes its ledger entry itself.
   */
  const moveStage = (ctx: UserContext, id: string, input: MoveInput) =>
    db.transaction(ctx.scope, async (tx) => {
      const record = await lockRecord(tx, ctx, id);
      const from = record.stage as Stage;
      // The office's own stage names (阶段名称) in messages and in the ledger entry the move writes.
      const names = (await readStageNames(tx, record.regionCode, 'recruitment')) as Record<Stage, string>;
      if (!canMoveStage(from, input.to)) {
        throw new AppError(409, 'STAGE_TRANSITION', `不能从“${names[from]}”直接变更为“${names[input.to]}”`, [
          {
            path: 'to',
            message: `允许的去向：${STAGE_TRANSITIONS[from].map((s) => names[s]).join('、') || '无'}`,
          },
        ]);
      }
      const problems: FieldProblem[] = [];
      const set: Partial<typeof recruitmentRecords.$inferInsert> = {};
      const attachmentIds: string[] = [];
      let detail = '';
      if (input.to === 'signed') {
        if (!input.signedOn) problems.push({ path: 'signedOn', message: '签约须填写签约日期' });
        else if (input.signedOn > today())
          problems.push({ path: 'signedOn', message: '签约日期不能晚于今天' });
        if (!input.agreementFileId) problems.push({ path: 'agreementFileId', message: '签约须上传协议附件' });
        else if (!(await files.findAttachments(tx, [input.agreementFileId])).has(input.agreementFileId)) {
          problems.push({ path: 'agreementFileId', message: '协议附件不存在' });
        }
        set.signedOn = input.signedOn ?? null;
        set.agreementFileId = input.agreementFileId ?? null;
        if (input.agreementFileId) attachmentIds.push(input.agreementFileId);
        detail = `签约日期 ${input.signedOn ?? ''}`;
      }
      if (input.to === 'operating') {
        if (input.platformId) {
          const platform = await platforms.findPlatform(tx, input.platformId);
          if (!platform) problems.push({ path: 'platformId', message: '平台不存在' });
          else detail = `运营平台：${platform.name}`;
          set.platformId = input.platformId;
        } else if (input.platform) {
          if (problems.length === 0) {
            const platform = await platforms.insertPlatform(
              tx,
              ctx,
              input.platform as z.output<typeof PlatformInput>,
            );
            set.platformId = platform.id;
            detail = `运营平台：${platform.name}`;
          }
        } else {
          problems.push({ path: 'platformId', message: '进入运营须关联一个平台（选择已有平台或新建）' });
        }
      }
      if (input.to === 'shelved' || input.to === 'dropped') {
        if (!input.reason) problems.push({ path: 'reason', message: `${names[input.to]}须填写原因` });
        set.exitReason = input.reason ?? '';
        detail = `原因：${input.reason ?? ''}`;
      } else if (from === 'shelved' || from === 'dropped') {
        set.exitReason = '';
      }
      if (problems.length > 0) throw invalid(problems, ctx.lang);
      const now = clock.now();
      await tx
        .update(recruitmentRecords)
        .set({ ...set, stage: input.to, stageChangedAt: now, updatedAt: now })
        .where(eq(recruitmentRecords.id, id));
      const content = [`阶段变更：${names[from]} → ${names[input.to]}`, detail, input.note]
        .filter(Boolean)
        .join('。');
      await insertEntry(
        tx,
        ctx,
        id,
        {
          entryOn: input.entryOn ?? today(),
          kind: input.to === 'signed' ? 'signing' : 'other',
          participants: ctx.user.displayName,
          content,
          result: '',
          // A stage change keeps the promised next step unless the record closes.
          nextStep: input.to === 'shelved' || input.to === 'dropped' ? '' : record.nextStep,
          nextDate: input.to === 'shelved' || input.to === 'dropped' ? null : record.nextDate,
          attachmentIds,
          correctsId: null,
        },
        { stageFrom: from, stageTo: input.to },
      );
      await audit(tx, ctx, 'stage', 'recruitment', id, { from, to: input.to });
      await syncLatest(tx, id);
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getRecordIn(tx, ctx, id);
    });

  // ---- milestones -------------------------------------------------------------------------

  async function checkMilestone(tx: Tx, ctx: UserContext, input: z.output<typeof MilestoneInput>) {
    if (input.proofFileId && !(await files.findAttachments(tx, [input.proofFileId])).has(input.proofFileId)) {
      throw invalid([{ path: 'proofFileId', message: '证明材料不存在' }], ctx.lang);
    }
    if (input.doneOn && input.doneOn > today())
      throw invalid([{ path: 'doneOn', message: '完成日期不能晚于今天' }], ctx.lang);
  }

  const addMilestone = (ctx: UserContext, recordId: string, input: z.output<typeof MilestoneInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      await lockRecord(tx, ctx, recordId);
      await checkMilestone(tx, ctx, input);
      const [row] = await tx
        .insert(recruitmentMilestones)
        .values({ ...input, recordId, regionCode: ctx.user.activeRegionCode, createdAt: clock.now() })
        .returning({ id: recruitmentMilestones.id });
      if (!row) throw new Error('insert returned nothing');
      await audit(tx, ctx, 'create', 'recruitment_milestone', row.id, { recordId });
      await supervision.refreshItems(tx, ITEM_TYPE, [recordId]);
      return getRecordIn(tx, ctx, recordId);
    });

  const updateMilestone = (ctx: UserContext, id: string, input: z.output<typeof MilestoneInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      await checkMilestone(tx, ctx, input);
      const [row] = await tx
        .update(recruitmentMilestones)
        .set(input)
        .where(eq(recruitmentMilestones.id, id))
        .returning({ recordId: recruitmentMilestones.recordId });
      if (!row) throw notFound(ctx.lang);
      await audit(tx, ctx, 'update', 'recruitment_milestone', id, { recordId: row.recordId });
      await supervision.refreshItems(tx, ITEM_TYPE, [row.recordId]);
      return getRecordIn(tx, ctx, row.recordId);
    });

  // ---- my work ----------------------------------------------------------------------------

  async function myWork(ctx: UserContext): Promise<MyWork> {
    const day = today();
    const weekEnd = chinaDay(new Date(clock.now().getTime() + 7 * DAY_MS));
    const me = ctx.user.id;
    return db.transaction(ctx.scope, async (tx) => {
      const mine = or(
        eq(recruitmentRecords.ownerId, me),
        eq(recruitmentRecords.taskForceLeadId, me),
        sql`${me}::uuid = ANY(${recruitmentRecords.taskForceMemberIds})`,
      );
      const active = inArray(recruitmentRecords.stage, [
        'lead',
        'contacted',
        'negotiating',
        'signed',
        'landed',
      ]);
      const rows = await summaryQuery(tx, day, and(mine, active)).orderBy(
        desc(LIGHT_RANK),
        asc(recruitmentRecords.nextDate),
      );
      const ids = rows.map((r) => r.r.id);
      const names = new Map(rows.map((r) => [r.r.id, r.instituteName]));
      const open =
        ids.length === 0
          ? []
          : await tx
              .select()
              .from(recruitmentMilestones)
              .where(
                and(
                  inArray(recruitmentMilestones.recordId, ids),
                  isNull(recruitmentMilestones.doneOn),
                  lt(recruitmentMilestones.dueOn, weekEnd),
                ),
              )
              .orderBy(asc(recruitmentMilestones.dueOn));
      const overdueMilestones = open
        .filter((m) => m.dueOn < day)
        .map((m) => ({
          ...toMilestone(m),
          recordId: m.recordId,
          instituteName: names.get(m.recordId) ?? '',
        }));
      const dueThisWeek = [
        ...open
          .filter((m) => m.dueOn >= day)
          .map((m) => ({
            recordId: m.recordId,
            instituteName: names.get(m.recordId) ?? '',
            what: m.title,
            dueOn: m.dueOn,
            kind: 'milestone' as const,
          })),
        ...rows
          .filter((r) => r.r.nextDate && r.r.nextDate >= day && r.r.nextDate <= weekEnd)
          .map((r) => ({
            recordId: r.r.id,
            instituteName: r.instituteName,
            what: r.r.nextStep || '下一步工作',
            dueOn: r.r.nextDate ?? day,
            kind: 'next_date' as const,
          })),
      ].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      return { records: rows.map(toSummary), overdueMilestones, dueThisWeek };
    });
  }

  // ---- plan -------------------------------------------------------------------------------

  async function planIn(tx: Tx, ctx: UserContext, year: number): Promise<RecruitmentPlan> {
    const [row] = await tx
      .select()
      .from(recruitmentPlans)
      .where(
        and(eq(recruitmentPlans.regionCode, ctx.user.activeRegionCode), eq(recruitmentPlans.year, year)),
      );
    const [counts] = await tx
      .select({
        recruited: sql<number>`count(*) FILTER (WHERE ${inArray(recruitmentRecords.stage, [...RECRUITED_STAGES])})::int`,
        operating: sql<number>`count(*) FILTER (WHERE ${recruitmentRecords.stage} = 'operating' AND ${recruitmentRecords.platformId} IS NOT NULL)::int`,
      })
      .from(recruitmentRecords)
      .where(sql`extract(year from ${recruitmentRecords.signedOn}) = ${year}`);
    return {
      id: row?.id ?? '00000000-0000-4000-8000-000000000000',
      regionCode: ctx.user.activeRegionCode,
      year,
      title: row?.title ?? `${year}年大院大所招引方案`,
      targetRecruited: row?.targetRecruited ?? 0,
      targetOperating: row?.targetOperating ?? 0,
      targetInstituteIds: row?.targetInstituteIds ?? [],
      ownerId: row?.ownerId ?? null,
      notes: row?.notes ?? '',
      recruited: counts?.recruited ?? 0,
      operating: counts?.operating ?? 0,
    };
  }

  const getPlan = (ctx: UserContext, year: number) =>
    db.transaction(ctx.scope, (tx) => planIn(tx, ctx, year));

  const putPlan = (ctx: UserContext, year: number, input: z.output<typeof RecruitmentPlanInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      if (input.ownerId) await checkPeople(tx, ctx, [{ path: 'ownerId', ids: [input.ownerId] }]);
      const values = { ...input, regionCode: ctx.user.activeRegionCode, year, updatedAt: clock.now() };
      const [row] = await tx
        .insert(recruitmentPlans)
        .values(values)
        .onConflictDoUpdate({ target: [recruitmentPlans.regionCode, recruitmentPlans.year], set: values })
        .returning({ id: recruitmentPlans.id });
      await audit(tx, ctx, 'update', 'recruitment_plan', row?.id ?? '', { year });
      return planIn(tx, ctx, year);
    });

  async function assignable(ctx: UserContext) {
    return db.transaction(ctx.scope, async (tx) =>
      tx
        .select({ id: users.id, name: users.displayName, role: users.role })
        .from(users)
        .where(
          and(
            inArray(users.role, ['staff', 'taskforce_lead', 'helper', 'leader']),
            eq(users.isDisabled, false),
          ),
        )
        .orderBy(asc(users.displayName)),
    );
  }

  return {
    listRecords,
    board,
    getRecord,
    getRecordIn,
    createRecord,
    updateRecord,
    patchRecord,
    insertRecord,
    updateRecordIn,
    insertEntry,
    syncLatest,
    addEntry,
    updateEntry,
    moveStage,
    addMilestone,
    updateMilestone,
    myWork,
    getPlan,
    putPlan,
    assignable,
    summaryQuery,
    toSummary,
    today,
    entryKindLabel: (k: string) => ENTRY_KIND_LABELS[k as keyof typeof ENTRY_KIND_LABELS] ?? k,
  };
}
