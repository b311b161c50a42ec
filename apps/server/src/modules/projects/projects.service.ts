import {
  type HelperAssignInput,
  type LightReason,
  type LightState,
  type OutputKind,
  type Project,
  type ProjectCounts,
  type ProjectEntryInput,
  type ProjectInput,
  type ProjectKind,
  type ProjectListQuery,
  type ProjectMilestoneInput,
  type ProjectOutputInput,
  type ProjectStage,
  type ProjectStageInput,
  type ProjectSummary,
  type ProjectUpdateInput,
  projectPipeline,
} from '@gaodi/contracts';
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { escapeLike, recordUserAction } from '../../platform/audit/audit.ts';
import { users } from '../../platform/auth/auth.table.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../../platform/db/database.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../platform/http/errors.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import type { Notifier } from '../../platform/notifications/notifier.ts';
import { regions } from '../../platform/tenancy/region.table.ts';
import { enterprises, institutes } from '../directory/index.ts';
import { contractNeedIn, matchmakingEvents, needPairings, techNeeds } from '../matchmaking/index.ts';
import { readStageNames } from '../settings/index.ts';
import { type SupervisionService, supervisionLights } from '../supervision/index.ts';
import {
  cooperationProjects,
  projectEntries,
  projectHelperAssignments,
  projectMilestones,
  projectOutputs,
  projectParties,
} from './projects.table.ts';

export type ProjectService = ReturnType<typeof createProjectService>;
type Input = z.output<typeof ProjectInput>;
type ListQuery = z.output<typeof ProjectListQuery>;

const ITEM_TYPE = 'project' as const;
const rdRegion = alias(regions, 'rd_region');
const helperUser = alias(users, 'helper_user');
const EDITORS = new Set(['staff', 'taskforce_lead']);

/** Cooperation projects from intention to landing, with one helper at a time and supervision lights. */
export function createProjectService({
  db,
  clock,
  supervision,
  notifier,
}: {
  db: Database;
  clock: Clock;
  supervision: SupervisionService;
  notifier: Notifier;
}) {
  const today = () => chinaDay(clock.now());
  const audit = (tx: Tx, ctx: UserContext, action: string, targetId: string, detail?: unknown) =>
    recordUserAction(tx, ctx, clock.now(), { action, targetType: 'project', targetId, detail });

  const summaryColumns = {
    p: cooperationProjects,
    regionName: regions.name,
    rdRegionName: rdRegion.name,
    helperId: projectHelperAssignments.helperId,
    helperName: helperUser.displayName,
    light: supervisionLights.light,
    reasons: supervisionLights.reasons,
    since: supervisionLights.since,
    eventTitle: matchmakingEvents.title,
  };
  const summaryBase = (tx: Tx) =>
    tx
      .select(summaryColumns)
      .from(cooperationProjects)
      .leftJoin(regions, eq(regions.code, cooperationProjects.regionCode))
      .leftJoin(rdRegion, eq(rdRegion.code, cooperationProjects.rdRegionCode))
      .leftJoin(
        projectHelperAssignments,
        and(
          eq(projectHelperAssignments.projectId, cooperationProjects.id),
          isNull(projectHelperAssignments.endedAt),
        ),
      )
      .leftJoin(helperUser, eq(helperUser.id, projectHelperAssignments.helperId))
      .leftJoin(
        supervisionLights,
        and(eq(supervisionLights.itemType, ITEM_TYPE), eq(supervisionLights.itemId, cooperationProjects.id)),
      )
      .leftJoin(matchmakingEvents, eq(matchmakingEvents.id, cooperationProjects.sourceEventId));
  type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryBase>['where']>>[number];

  async function partiesOf(tx: Tx, projectIds: string[]) {
    if (projectIds.length === 0) return new Map<string, ProjectSummary['parties']>();
    const rows = await tx
      .select({
        projectId: projectParties.projectId,
        partyKind: projectParties.partyKind,
        enterpriseId: projectParties.enterpriseId,
        instituteId: projectParties.instituteId,
        enterpriseName: enterprises.name,
        instituteName: institutes.name,
      })
      .from(projectParties)
      .leftJoin(enterprises, eq(enterprises.id, projectParties.enterpriseId))
      .leftJoin(institutes, eq(institutes.id, projectParties.instituteId))
      .where(inArray(projectParties.projectId, projectIds))
      .orderBy(asc(projectParties.partyKind), asc(projectParties.id));
    const map = new Map<string, ProjectSummary['parties']>();
    for (const r of rows) {
      const list = map.get(r.projectId) ?? [];
      list.push({
        partyKind: r.partyKind as 'enterprise' | 'institute',
        id: (r.enterpriseId ?? r.instituteId) as string,
        // A party of another region (an enclave partner) may be unreadable here: say so, not blank.
        name: r.enterpriseName ?? r.instituteName ?? '（其他区域单位）',
      });
      map.set(r.projectId, list);
    }
    return map;
  }

  const lightOf = (r: SummaryRow): LightState | null =>
    r.light
      ? {
          light: r.light as LightState['light'],
          reasons: (r.reasons ?? []) as LightReason[],
          since: r.since?.toISOString() ?? null,
        }
      : null;

  const toSummary = (r: SummaryRow, parties: Map<string, ProjectSummary['parties']>): ProjectSummary => ({
    id: r.p.id,
    regionCode: r.p.regionCode,
    regionName: r.regionName ?? r.p.regionCode,
    rdRegionCode: r.p.rdRegionCode,
    rdRegionName: r.rdRegionName ?? r.p.rdRegionCode,
    isEnclave: r.p.rdRegionCode !== r.p.regionCode,
    title: r.p.title,
    kind: r.p.kind as ProjectKind,
    stage: r.p.stage as ProjectStage,
    subStage: r.p.subStage,
    contractNo: r.p.contractNo,
    amountFen: r.p.amountFen,
    signedOn: r.p.signedOn,
    landedOn: r.p.landedOn,
    parties: parties.get(r.p.id) ?? [],
    helperId: r.helperId ?? null,
    helperName: r.helperName ?? null,
    light: lightOf(r),
    sourceEventId: r.p.sourceEventId,
    sourceEventTitle: r.eventTitle ?? null,
  });

  function listWhere(ctx: UserContext, query: ListQuery): SQL | undefined {
    return and(
      query.q ? sql`${cooperationProjects.title} ILIKE ${`%${escapeLike(query.q)}%`}` : undefined,
      query.stage ? eq(cooperationProjects.stage, query.stage) : undefined,
      query.kind ? eq(cooperationProjects.kind, query.kind) : undefined,
      query.helperId ? eq(projectHelperAssignments.helperId, query.helperId) : undefined,
      query.mine === 'true' ? eq(projectHelperAssignments.helperId, ctx.user.id) : undefined,
      query.eventId
        ? or(
            eq(cooperationProjects.sourceEventId, query.eventId),
            sql`${cooperationProjects.sourcePairingId} IN (SELECT id FROM need_pairings WHERE event_id = ${query.eventId}::uuid)`,
          )
        : undefined,
      query.year
        ? or(
            and(
              gte(cooperationProjects.signedOn, `${query.year}-01-01`),
              lt(cooperationProjects.signedOn, `${query.year + 1}-01-01`),
            ),
            and(
              gte(cooperationProjects.landedOn, `${query.year}-01-01`),
              lt(cooperationProjects.landedOn, `${query.year + 1}-01-01`),
            ),
          )
        : undefined,
    );
  }

  const listProjects = (ctx: UserContext, query: ListQuery) =>
    db.transaction(ctx.scope, async (tx) => {
      const where = listWhere(ctx, query);
      const rows = await summaryBase(tx)
        .where(where)
        .orderBy(desc(cooperationProjects.updatedAt), desc(cooperationProjects.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(cooperationProjects)
        .leftJoin(
          projectHelperAssignments,
          and(
            eq(projectHelperAssignments.projectId, cooperationProjects.id),
            isNull(projectHelperAssignments.endedAt),
          ),
        )
        .where(where);
      const parties = await partiesOf(
        tx,
        rows.map((r) => r.p.id),
      );
      return {
        items: rows.map((r) => toSummary(r, parties)),
        total: count?.n ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    });

  async function currentHelper(tx: Tx, projectId: string): Promise<string | null> {
    const [row] = await tx
      .select({ helperId: projectHelperAssignments.helperId })
      .from(projectHelperAssignments)
      .where(
        and(eq(projectHelperAssignments.projectId, projectId), isNull(projectHelperAssignments.endedAt)),
      );
    return row?.helperId ?? null;
  }

  /** Staff and task-force leads of the commercialisation region edit; a helper edits the projects they serve. */
  function mayEdit(ctx: UserContext, p: { regionCode: string }, helperId: string | null) {
    const inRegion = ctx.user.visibleRegions.includes(p.regionCode);
    return (
      inRegion && (EDITORS.has(ctx.user.role) || (ctx.user.role === 'helper' && helperId === ctx.user.id))
    );
  }

  async function getProjectIn(tx: Tx, ctx: UserContext, id: string): Promise<Project> {
    const [row] = await summaryBase(tx).where(eq(cooperationProjects.id, id));
    if (!row) throw notFound(ctx.lang);
    const parties = await partiesOf(tx, [id]);
    const assignedBy = alias(users, 'assigned_by_user');
    const helpers = await tx
      .select({
        a: projectHelperAssignments,
        helperName: users.displayName,
        assignedByName: assignedBy.displayName,
      })
      .from(projectHelperAssignments)
      .leftJoin(users, eq(users.id, projectHelperAssignments.helperId))
      .leftJoin(assignedBy, eq(assignedBy.id, projectHelperAssignments.assignedBy))
      .where(eq(projectHelperAssignments.projectId, id))
      .orderBy(desc(projectHelperAssignments.startedAt), desc(projectHelperAssignments.id));
    const milestones = await tx
      .select()
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, id))
      .orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.id));
    const outputs = await tx
      .select()
      .from(projectOutputs)
      .where(eq(projectOutputs.projectId, id))
      .orderBy(desc(projectOutputs.recordedOn), desc(projectOutputs.id));
    const entries = await tx
      .select()
      .from(projectEntries)
      .where(eq(projectEntries.projectId, id))
      .orderBy(desc(projectEntries.createdAt), desc(projectEntries.id));
    const [need] = row.p.needId
      ? await tx.select({ title: techNeeds.title }).from(techNeeds).where(eq(techNeeds.id, row.p.needId))
      : [];
    const canEdit = mayEdit(ctx, row.p, row.helperId ?? null);
    const stage = row.p.stage as ProjectStage;
    const names = await readStageNames(tx, row.p.regionCode, 'project');
    return {
      ...toSummary(row, parties),
      description: row.p.description,
      landedPlace: row.p.landedPlace,
      stoppedReason: row.p.stoppedReason,
      isGreenChannel: row.p.isGreenChannel,
      needId: row.p.needId,
      needTitle: need?.title ?? null,
      sourcePairingId: row.p.sourcePairingId,
      subStageName: null,
      allowedMoves: canEdit
        ? projectPipeline.moves[stage].map((to) => ({ stage: to, subStage: null, name: names[to] ?? to }))
        : [],
      helpers: helpers.map((h) => ({
        id: h.a.id,
        helperId: h.a.helperId,
        helperName: h.helperName ?? '',
        startedAt: h.a.startedAt.toISOString(),
        endedAt: h.a.endedAt?.toISOString() ?? null,
        assignedByName: h.assignedByName ?? '',
        reason: h.a.reason,
      })),
      milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
      outputs: outputs.map((o) => ({
        id: o.id,
        kind: o.kind as OutputKind,
        title: o.title,
        amountFen: o.amountFen,
        recordedOn: o.recordedOn,
      })),
      entries: entries.map((e) => ({
        id: e.id,
        kind: e.kind as 'progress' | 'stage' | 'handover',
        on: e.on,
        content: e.content,
        stageFrom: e.stageFrom,
        stageTo: e.stageTo,
        nextDate: e.nextDate,
        authorName: e.authorName,
        createdAt: e.createdAt.toISOString(),
      })),
      canEdit,
    };
  }
  const getProject = (ctx: UserContext, id: string) =>
    db.transaction(ctx.scope, (tx) => getProjectIn(tx, ctx, id));

  /** Locks the project row (so concurrent writes on one project run one after another) and checks the right to edit. */
  async function lockForEdit(tx: Tx, ctx: UserContext, id: string) {
    const [p] = await tx
      .select()
      .from(cooperationProjects)
      .where(eq(cooperationProjects.id, id))
      .for('update');
    if (!p) throw notFound(ctx.lang);
    const helperId = await currentHelper(tx, id);
    if (!mayEdit(ctx, p, helperId))
      throw new AppError(403, 'FORBIDDEN', '只有本项目的帮办专员或科技局工作人员可以修改');
    return p;
  }

  async function addEntry(
    tx: Tx,
    ctx: UserContext,
    p: { id: string; regionCode: string },
    entry: {
      kind: 'progress' | 'stage' | 'handover';
      on: string;
      content: string;
      stageFrom?: string;
      stageTo?: string;
      nextDate?: string | null;
    },
  ) {
    const now = clock.now();
    await tx.insert(projectEntries).values({
      regionCode: p.regionCode,
      projectId: p.id,
      kind: entry.kind,
      on: entry.on,
      content: entry.content,
      stageFrom: entry.stageFrom ?? null,
      stageTo: entry.stageTo ?? null,
      nextDate: entry.nextDate ?? null,
      authorId: ctx.user.id,
      authorName: ctx.user.displayName,
      createdAt: now,
    });
    await tx
      .update(cooperationProjects)
      .set({
        lastEntryOn: sql`greatest(coalesce(${cooperationProjects.lastEntryOn}, ${entry.on}::date), ${entry.on}::date)`,
        ...(entry.kind === 'progress' ? { nextDate: entry.nextDate ?? null } : {}),
        updatedAt: now,
      })
      .where(eq(cooperationProjects.id, p.id));
  }

  async function checkHelper(tx: Tx, ctx: UserContext, helperId: string, path: string) {
    const [u] = await tx
      .select({ id: users.id, role: users.role, isDisabled: users.isDisabled })
      .from(users)
      .where(eq(users.id, helperId));
    if (u?.role !== 'helper' || u.isDisabled)
      throw invalid([{ path, message: '请选择本区域在岗的帮办专员' }], ctx.lang);
  }

  /** Starts a helper's assignment and tells them (and the helper handing over, if any) in the inbox. */
  async function startAssignment(
    tx: Tx,
    ctx: UserContext,
    p: { id: string; regionCode: string; title: string },
    helperId: string,
    reason: string,
    previousHelperId: string | null = null,
  ) {
    const now = clock.now();
    await tx.insert(projectHelperAssignments).values({
      regionCode: p.regionCode,
      projectId: p.id,
      helperId,
      startedAt: now,
      assignedBy: ctx.user.id,
      reason,
    });
    const link = `/projects/${p.id}`;
    const body = reason ? `${ctx.user.displayName}：${reason}` : ctx.user.displayName;
    await notifier.send(
      tx,
      [
        {
          regionCode: p.regionCode,
          userId: helperId,
          kind: 'project.helper',
          title: `您已被指定为帮办专员：${p.title}`,
          body,
          link,
        },
        ...(previousHelperId && previousHelperId !== helperId
          ? [
              {
                regionCode: p.regionCode,
                userId: previousHelperId,
                kind: 'project.handover',
                title: `项目已交接给其他帮办专员：${p.title}`,
                body,
                link,
              },
            ]
          : []),
      ].filter((m) => m.userId !== ctx.user.id),
      now,
    );
  }

  const createProject = (ctx: UserContext, input: Input) =>
    db.transaction(ctx.scope, async (tx) => {
      const problems: FieldProblem[] = [];
      const enterpriseIds = new Set(input.enterpriseIds);
      const instituteIds = new Set(input.instituteIds);
      let needId = input.needId;
      let sourceEventId = input.sourceEventId;
      if (input.sourcePairingId) {
        const [pairing] = await tx
          .select({
            needId: needPairings.needId,
            instituteId: needPairings.instituteId,
            eventId: needPairings.eventId,
            enterpriseId: techNeeds.enterpriseId,
          })
          .from(needPairings)
          .innerJoin(techNeeds, eq(techNeeds.id, needPairings.needId))
          .where(eq(needPairings.id, input.sourcePairingId));
        if (!pairing) throw invalid([{ path: 'sourcePairingId', message: '对接记录不存在' }], ctx.lang);
        needId ??= pairing.needId;
        sourceEventId ??= pairing.eventId;
        enterpriseIds.add(pairing.enterpriseId);
        instituteIds.add(pairing.instituteId);
      }
      const enterpriseRows = enterpriseIds.size
        ? await tx
            .select({ id: enterprises.id })
            .from(enterprises)
            .where(inArray(enterprises.id, [...enterpriseIds]))
        : [];
      if (enterpriseRows.length !== enterpriseIds.size)
        problems.push({ path: 'enterpriseIds', message: '有企业不存在或不在本区域' });
      const instituteRows = instituteIds.size
        ? await tx
            .select({ id: institutes.id })
            .from(institutes)
            .where(inArray(institutes.id, [...instituteIds]))
        : [];
      if (instituteRows.length !== instituteIds.size)
        problems.push({ path: 'instituteIds', message: '有院所不存在或不在本区域' });
      const rdRegionCode = input.rdRegionCode ?? ctx.user.activeRegionCode;
      const [rd] = await tx
        .select({ code: regions.code })
        .from(regions)
        .where(eq(regions.code, rdRegionCode));
      if (!rd) problems.push({ path: 'rdRegionCode', message: '研发地行政区划不存在' });
      if (sourceEventId) {
        const [e] = await tx
          .select({ id: matchmakingEvents.id })
          .from(matchmakingEvents)
          .where(eq(matchmakingEvents.id, sourceEventId));
        if (!e) problems.push({ path: 'sourceEventId', message: '对接活动不存在' });
      }
      if (needId) {
        const [n] = await tx.select({ id: techNeeds.id }).from(techNeeds).where(eq(techNeeds.id, needId));
        if (!n) problems.push({ path: 'needId', message: '需求不存在' });
      }
      if (input.helperId)
        await checkHelper(tx, ctx, input.helperId, 'helperId').catch((e: AppError) =>
          problems.push(...(e.fields ?? [])),
        );
      if (problems.length) throw invalid(problems, ctx.lang);

      const now = clock.now();
      const regionCode = ctx.user.activeRegionCode;
      const [row] = await tx
        .insert(cooperationProjects)
        .values({
          regionCode,
          rdRegionCode,
          title: input.title,
          kind: input.kind,
          stage: 'intention',
          contractNo: input.contractNo,
          amountFen: input.amountFen,
          sourceEventId,
          sourcePairingId: input.sourcePairingId,
          needId,
          enterpriseIds: [...enterpriseIds],
          instituteIds: [...instituteIds],
          isGreenChannel: input.isGreenChannel,
          description: input.description,
          stageChangedAt: now,
          createdAt: now,
          updatedAt: now,
          createdBy: ctx.user.id,
        })
        .returning({ id: cooperationProjects.id });
      if (!row) throw new Error('insert returned nothing');
      const p = { id: row.id, regionCode, title: input.title };
      const parties = [
        ...[...enterpriseIds].map((enterpriseId) => ({
          regionCode,
          projectId: row.id,
          partyKind: 'enterprise',
          enterpriseId,
        })),
        ...[...instituteIds].map((instituteId) => ({
          regionCode,
          projectId: row.id,
          partyKind: 'institute',
          instituteId,
        })),
      ];
      if (parties.length) await tx.insert(projectParties).values(parties);
      if (input.helperId) await startAssignment(tx, ctx, p, input.helperId, '立项时指定');
      await addEntry(tx, ctx, p, {
        kind: 'stage',
        on: today(),
        content: '登记合作意向',
        stageTo: 'intention',
      });
      await audit(tx, ctx, 'create', row.id, { sourcePairingId: input.sourcePairingId, sourceEventId });
      await supervision.refreshItems(tx, ITEM_TYPE, [row.id]);
      return getProjectIn(tx, ctx, row.id);
    });

  const updateProject = (ctx: UserContext, id: string, input: z.output<typeof ProjectUpdateInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      await lockForEdit(tx, ctx, id);
      if (input.rdRegionCode) {
        const [rd] = await tx
          .select({ code: regions.code })
          .from(regions)
          .where(eq(regions.code, input.rdRegionCode));
        if (!rd) throw invalid([{ path: 'rdRegionCode', message: '研发地行政区划不存在' }], ctx.lang);
      }
      await tx
        .update(cooperationProjects)
        .set({ ...input, updatedAt: clock.now() })
        .where(eq(cooperationProjects.id, id));
      await audit(tx, ctx, 'update', id, input);
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getProjectIn(tx, ctx, id);
    });

  /** Moves a project along projectPipeline.moves; each move is a timeline entry. */
  const moveStage = (ctx: UserContext, id: string, input: z.output<typeof ProjectStageInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      const p = await lockForEdit(tx, ctx, id);
      const from = p.stage as ProjectStage;
      // The office's own stage names (阶段名称) in messages and on the timeline.
      const names = (await readStageNames(tx, p.regionCode, 'project')) as Record<ProjectStage, string>;
      if (!projectPipeline.canMove(from, input.to))
        throw new AppError(409, 'STAGE_TRANSITION', `不能从“${names[from]}”直接变更为“${names[input.to]}”`, [
          {
            path: 'to',
            message: `允许的下一阶段：${projectPipeline.moves[from].map((s) => names[s]).join('、') || '无'}`,
          },
        ]);
      const problems: FieldProblem[] = [];
      const contractNo = input.contractNo || p.contractNo;
      if (input.to === 'signed') {
        if (!input.signedOn) problems.push({ path: 'signedOn', message: '请填写签约日期' });
        if (!contractNo) problems.push({ path: 'contractNo', message: '请填写合同编号' });
      }
      if (input.to === 'landed' && !input.landedOn)
        problems.push({ path: 'landedOn', message: '请填写落地日期' });
      if (input.to === 'stopped' && !input.reason)
        problems.push({ path: 'reason', message: '请说明终止原因' });
      if (problems.length) throw invalid(problems, ctx.lang);
      const now = clock.now();
      await tx
        .update(cooperationProjects)
        .set({
          stage: input.to,
          stageChangedAt: now,
          updatedAt: now,
          ...(input.to === 'signed' ? { signedOn: input.signedOn, contractNo } : {}),
          ...(input.to === 'landed'
            ? { landedOn: input.landedOn, landedPlace: input.landedPlace ?? p.landedPlace }
            : {}),
          ...(input.to === 'stopped' ? { stoppedReason: input.reason ?? '' } : {}),
        })
        .where(eq(cooperationProjects.id, id));
      const note =
        input.to === 'stopped' ? `：${input.reason}` : input.to === 'signed' ? `（合同 ${contractNo}）` : '';
      await addEntry(tx, ctx, p, {
        kind: 'stage',
        on:
          (input.to === 'signed' ? input.signedOn : input.to === 'landed' ? input.landedOn : undefined) ??
          today(),
        content: `${names[from]} → ${names[input.to]}${note}`,
        stageFrom: from,
        stageTo: input.to,
      });
      // Signing contracts the need it came from (the matchmaking path's last step).
      if (input.to === 'signed' && p.needId) await contractNeedIn(tx, ctx, clock, p.needId);
      await audit(tx, ctx, 'stage', id, { from, to: input.to });
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getProjectIn(tx, ctx, id);
    });

  /**
   * Hands the project to another helper. The project row is locked first, so concurrent
   * reassignments run one after another; the partial unique index on open assignments makes a
   * second current helper impossible even if that lock were missed.
   */
  const assignHelper = (ctx: UserContext, id: string, input: z.output<typeof HelperAssignInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      if (!EDITORS.has(ctx.user.role))
        throw new AppError(403, 'FORBIDDEN', '帮办专员的指定和交接由科技局工作人员办理');
      const p = await lockForEdit(tx, ctx, id);
      await checkHelper(tx, ctx, input.helperId, 'helperId');
      const current = await currentHelper(tx, id);
      if (current === input.helperId) return getProjectIn(tx, ctx, id);
      const now = clock.now();
      await tx
        .update(projectHelperAssignments)
        .set({ endedAt: now })
        .where(and(eq(projectHelperAssignments.projectId, id), isNull(projectHelperAssignments.endedAt)));
      await startAssignment(tx, ctx, p, input.helperId, input.reason, current);
      const [names] = rowsOf<{ before: string | null; after: string | null }>(
        await tx.execute(sql`SELECT (SELECT display_name FROM users WHERE id = ${current}::uuid) AS before,
                                    (SELECT display_name FROM users WHERE id = ${input.helperId}::uuid) AS after`),
      );
      await addEntry(tx, ctx, p, {
        kind: 'handover',
        on: today(),
        content: current
          ? `帮办专员由 ${names?.before ?? '—'} 交接给 ${names?.after ?? '—'}${input.reason ? `：${input.reason}` : ''}`
          : `指定帮办专员 ${names?.after ?? '—'}`,
      });
      await audit(tx, ctx, 'assign_helper', id, { from: current, to: input.helperId, reason: input.reason });
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getProjectIn(tx, ctx, id);
    });

  const addProgress = (ctx: UserContext, id: string, input: z.output<typeof ProjectEntryInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      const p = await lockForEdit(tx, ctx, id);
      if (input.on > today()) throw invalid([{ path: 'on', message: '进展日期不能晚于今天' }], ctx.lang);
      await addEntry(tx, ctx, p, {
        kind: 'progress',
        on: input.on,
        content: input.content,
        nextDate: input.nextDate,
      });
      await audit(tx, ctx, 'progress', id);
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getProjectIn(tx, ctx, id);
    });

  const addMilestone = (ctx: UserContext, id: string, input: z.output<typeof ProjectMilestoneInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      const p = await lockForEdit(tx, ctx, id);
      await tx.insert(projectMilestones).values({ regionCode: p.regionCode, projectId: id, ...input });
      await audit(tx, ctx, 'milestone', id, input);
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getProjectIn(tx, ctx, id);
    });

  const updateMilestone = (
    ctx: UserContext,
    id: string,
    milestoneId: string,
    input: z.output<typeof ProjectMilestoneInput>,
  ) =>
    db.transaction(ctx.scope, async (tx) => {
      await lockForEdit(tx, ctx, id);
      const updated = await tx
        .update(projectMilestones)
        .set(input)
        .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, id)))
        .returning({ id: projectMilestones.id });
      if (updated.length === 0) throw notFound(ctx.lang);
      await audit(tx, ctx, 'milestone', id, { milestoneId, ...input });
      await supervision.refreshItems(tx, ITEM_TYPE, [id]);
      return getProjectIn(tx, ctx, id);
    });

  const addOutput = (ctx: UserContext, id: string, input: z.output<typeof ProjectOutputInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      const p = await lockForEdit(tx, ctx, id);
      await tx.insert(projectOutputs).values({ regionCode: p.regionCode, projectId: id, ...input });
      await audit(tx, ctx, 'output', id, input);
      return getProjectIn(tx, ctx, id);
    });

  /**
   * The year's counts: each project once, in its commercialisation region (region_code), and only
   * for regions the user sees — an R&D-site region reads enclave projects but never counts them.
   */
  const counts = (ctx: UserContext, year: number): Promise<ProjectCounts> =>
    db.transaction(ctx.scope, async (tx) => {
      const regionsList = sql.join(
        ctx.user.visibleRegions.map((r) => sql`${r}`),
        sql`, `,
      );
      const rows = rowsOf<{
        region_code: string;
        region_name: string | null;
        signed: number;
        landed: number;
        amount: string | number;
      }>(
        await tx.execute(sql`
          SELECT p.region_code, r.name AS region_name,
                 count(*) FILTER (WHERE p.signed_on >= ${`${year}-01-01`}::date AND p.signed_on < ${`${year + 1}-01-01`}::date)::int AS signed,
                 count(*) FILTER (WHERE p.stage = 'landed' AND p.landed_on >= ${`${year}-01-01`}::date AND p.landed_on < ${`${year + 1}-01-01`}::date)::int AS landed,
                 coalesce(sum(p.amount_fen) FILTER (WHERE p.signed_on >= ${`${year}-01-01`}::date AND p.signed_on < ${`${year + 1}-01-01`}::date), 0) AS amount
          FROM cooperation_projects p LEFT JOIN regions r ON r.code = p.region_code
          WHERE p.region_code IN (${regionsList})
          GROUP BY p.region_code, r.name ORDER BY p.region_code`),
      );
      return {
        year,
        signed: rows.reduce((s, r) => s + r.signed, 0),
        landed: rows.reduce((s, r) => s + r.landed, 0),
        amountFen: rows.reduce((s, r) => s + Number(r.amount), 0),
        byRegion: rows
          .filter((r) => r.signed > 0 || r.landed > 0)
          .map((r) => ({
            regionCode: r.region_code,
            regionName: r.region_name ?? r.region_code,
            signed: r.signed,
            landed: r.landed,
          })),
      };
    });

  /** Helpers the user may pick (for the assignment form). */
  const listHelpers = (ctx: UserContext) =>
    db.transaction(ctx.scope, async (tx) =>
      tx
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.role, 'helper'), eq(users.isDisabled, false)))
        .orderBy(asc(users.displayName)),
    );

  return {
    listProjects,
    getProject,
    createProject,
    updateProject,
    moveStage,
    assignHelper,
    addProgress,
    addMilestone,
    updateMilestone,
    addOutput,
    counts,
    listHelpers,
  };
}
