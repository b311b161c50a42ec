import {
  type Achievement,
  type AchievementInput,
  type AchievementListQuery,
  type CooperationForm,
  canMoveNeed,
  type IpType,
  NEED_STAGE_TRANSITIONS,
  type Need,
  type NeedInput,
  type NeedListQuery,
  type NeedStage,
  type NeedStageInput,
} from '@gaodi/contracts';
import { and, desc, eq, gte, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike, recordAudit, recordUserAction } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { enterprises, industries, institutes, maskPhone } from '../directory/index.ts';
import { readStageNames } from '../settings/index.ts';
import type { MatchIndex } from './match-index.ts';
import { achievements, techNeeds } from './matchmaking.table.ts';

export type MatchmakingService = ReturnType<typeof createMatchmakingService>;
type NeedIn = z.output<typeof NeedInput>;
type NeedQuery = z.output<typeof NeedListQuery>;
type AchievementIn = z.output<typeof AchievementInput>;
type AchievementQuery = z.output<typeof AchievementListQuery>;

const BUREAU = new Set(['staff', 'taskforce_lead', 'helper', 'leader']);
export const isBureau = (ctx: UserContext) => BUREAU.has(ctx.user.role);

/** Needs and achievements: the two sides the engine matches. Every write tells the index. */
export function createMatchmakingService({
  db,
  clock,
  index,
}: {
  db: Database;
  clock: Clock;
  index: MatchIndex;
}) {
  const audit = (
    tx: Tx,
    ctx: UserContext,
    action: string,
    targetType: string,
    targetId: string,
    detail?: unknown,
  ) => recordUserAction(tx, ctx, clock.now(), { action, targetType, targetId, detail });

  /** Runs a write, then lets the index catch up at once (the write is committed by then). */
  async function write<T>(ctx: UserContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await db.transaction(ctx.scope, fn);
    index.changed();
    return result;
  }

  // ---- needs ------------------------------------------------------------------------------------

  const needColumns = {
    n: techNeeds,
    enterpriseName: enterprises.name,
    industryName: industries.name,
    pairings: sql<number>`(SELECT count(*)::int FROM need_pairings p WHERE p.need_id = tech_needs.id)`,
  };

  function toNeed(
    ctx: UserContext,
    r: {
      n: typeof techNeeds.$inferSelect;
      enterpriseName: string | null;
      industryName: string | null;
      pairings: number;
    },
  ): Need {
    const stage = r.n.stage as NeedStage;
    // Staff and the enterprise itself see the contact phone; everyone else a masked one.
    const mayEdit =
      ctx.user.role === 'enterprise' || ctx.user.role === 'staff' || ctx.user.role === 'taskforce_lead';
    return {
      id: r.n.id,
      regionCode: r.n.regionCode,
      enterpriseId: r.n.enterpriseId,
      enterpriseName: r.enterpriseName ?? '',
      title: r.n.title,
      description: r.n.description,
      keywords: r.n.keywords,
      industryId: r.n.industryId,
      industryName: r.industryName,
      budgetMinFen: r.n.budgetMinFen,
      budgetMaxFen: r.n.budgetMaxFen,
      cooperationForms: r.n.cooperationForms as CooperationForm[],
      deadline: r.n.deadline,
      contactName: r.n.contactName,
      contactPhone: mayEdit ? r.n.contactPhone : maskPhone(r.n.contactPhone),
      stage,
      stageChangedAt: r.n.stageChangedAt.toISOString(),
      reviewNote: r.n.reviewNote,
      allowedStages:
        isBureau(ctx) && ctx.user.role !== 'helper' && ctx.user.role !== 'leader'
          ? [...NEED_STAGE_TRANSITIONS[stage]]
          : [],
      pairings: Number(r.pairings),
      createdAt: r.n.createdAt.toISOString(),
      updatedAt: r.n.updatedAt.toISOString(),
    };
  }

  function needWhere(query: NeedQuery): SQL | undefined {
    return and(
      isNull(techNeeds.deletedAt),
      query.q
        ? sql`(${techNeeds.title} ILIKE ${`%${escapeLike(query.q)}%`} OR ${enterprises.name} ILIKE ${`%${escapeLike(query.q)}%`})`
        : undefined,
      query.stage ? eq(techNeeds.stage, query.stage) : undefined,
      query.industryId ? eq(techNeeds.industryId, query.industryId) : undefined,
      query.enterpriseId ? eq(techNeeds.enterpriseId, query.enterpriseId) : undefined,
    );
  }

  const needBase = (tx: Tx) =>
    tx
      .select(needColumns)
      .from(techNeeds)
      .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
      .leftJoin(industries, eq(industries.id, techNeeds.industryId));

  const listNeeds = (ctx: UserContext, query: NeedQuery) =>
    db.transaction(ctx.scope, async (tx) => {
      const rows = await needBase(tx)
        .where(needWhere(query))
        .orderBy(desc(techNeeds.updatedAt), desc(techNeeds.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(techNeeds)
        .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
        .where(needWhere(query));
      return {
        items: rows.map((r) => toNeed(ctx, r)),
        total: count?.n ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    });

  async function getNeedIn(tx: Tx, ctx: UserContext, id: string): Promise<Need> {
    const [row] = await needBase(tx).where(and(eq(techNeeds.id, id), isNull(techNeeds.deletedAt)));
    if (!row) throw notFound(ctx.lang);
    return toNeed(ctx, row);
  }
  const getNeed = (ctx: UserContext, id: string) => db.transaction(ctx.scope, (tx) => getNeedIn(tx, ctx, id));

  async function enterpriseFor(
    tx: Tx,
    ctx: UserContext,
    requested: string | null,
  ): Promise<{ id: string; regionCode: string }> {
    const id = ctx.user.role === 'enterprise' ? ctx.user.enterpriseId : requested;
    if (!id) throw invalid([{ path: 'enterpriseId', message: '请选择提出需求的企业' }], ctx.lang);
    const [row] = await tx
      .select({ id: enterprises.id, regionCode: enterprises.regionCode })
      .from(enterprises)
      .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt)));
    if (!row) throw invalid([{ path: 'enterpriseId', message: '企业不存在或不在本区域' }], ctx.lang);
    return row;
  }

  async function checkIndustry(tx: Tx, ctx: UserContext, industryId: string | null) {
    if (!industryId) return;
    const [row] = await tx
      .select({ id: industries.id })
      .from(industries)
      .where(eq(industries.id, industryId));
    if (!row) throw invalid([{ path: 'industryId', message: '产业不存在' }], ctx.lang);
  }

  const needValues = (input: NeedIn) => ({
    title: input.title,
    description: input.description,
    keywords: input.keywords,
    industryId: input.industryId,
    budgetMinFen: input.budgetMinFen,
    budgetMaxFen: input.budgetMaxFen,
    cooperationForms: input.cooperationForms,
    deadline: input.deadline,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
  });

  const createNeed = (ctx: UserContext, input: NeedIn) =>
    write(ctx, async (tx) => {
      const enterprise = await enterpriseFor(tx, ctx, input.enterpriseId);
      await checkIndustry(tx, ctx, input.industryId);
      const now = clock.now();
      const [row] = await tx
        .insert(techNeeds)
        .values({
          ...needValues(input),
          regionCode: enterprise.regionCode,
          enterpriseId: enterprise.id,
          stage: 'collected',
          stageChangedAt: now,
          createdAt: now,
          updatedAt: now,
          createdBy: ctx.user.id,
        })
        .returning({ id: techNeeds.id });
      if (!row) throw new Error('insert returned nothing');
      await audit(tx, ctx, 'create', 'need', row.id);
      return getNeedIn(tx, ctx, row.id);
    });

  const updateNeed = (ctx: UserContext, id: string, input: NeedIn) =>
    write(ctx, async (tx) => {
      const current = await getNeedIn(tx, ctx, id);
      // An enterprise edits its need until the bureau has reviewed it; later changes go through staff.
      if (ctx.user.role === 'enterprise' && current.stage !== 'collected')
        throw new AppError(409, 'NEED_LOCKED', '需求已审核，如需修改请联系科技局工作人员');
      if (current.stage === 'closed') throw new AppError(409, 'NEED_LOCKED', '需求已关闭，重新打开后再修改');
      await checkIndustry(tx, ctx, input.industryId);
      await tx
        .update(techNeeds)
        .set({ ...needValues(input), updatedAt: clock.now() })
        .where(eq(techNeeds.id, id));
      await audit(tx, ctx, 'update', 'need', id);
      return getNeedIn(tx, ctx, id);
    });

  const moveNeedStage = (ctx: UserContext, id: string, input: z.output<typeof NeedStageInput>) =>
    write(ctx, async (tx) => {
      const [row] = await tx
        .select({ stage: techNeeds.stage, regionCode: techNeeds.regionCode })
        .from(techNeeds)
        .where(and(eq(techNeeds.id, id), isNull(techNeeds.deletedAt)))
        .for('update');
      if (!row) throw notFound(ctx.lang);
      const from = row.stage as NeedStage;
      // Review and publication are the bureau's; enterprises only submit.
      if (!isBureau(ctx) || ctx.user.role === 'helper' || ctx.user.role === 'leader')
        throw new AppError(403, 'FORBIDDEN', '只有科技局工作人员可以审核、发布需求');
      if (!canMoveNeed(from, input.to)) {
        // The office's own stage names (阶段名称).
        const names = (await readStageNames(tx, row.regionCode, 'need')) as Record<NeedStage, string>;
        throw new AppError(409, 'STAGE_TRANSITION', `不能从“${names[from]}”直接变更为“${names[input.to]}”`, [
          {
            path: 'to',
            message: `允许的下一阶段：${NEED_STAGE_TRANSITIONS[from].map((s) => names[s]).join('、') || '无'}`,
          },
        ]);
      }
      const now = clock.now();
      await tx
        .update(techNeeds)
        .set({
          stage: input.to,
          stageChangedAt: now,
          updatedAt: now,
          ...(input.note ? { reviewNote: input.note } : {}),
        })
        .where(eq(techNeeds.id, id));
      await audit(tx, ctx, 'stage', 'need', id, { from, to: input.to, note: input.note });
      return getNeedIn(tx, ctx, id);
    });

  /** Moves a need forward when a pairing or project happens (published → matching → contracted). */
  async function advanceNeedIn(tx: Tx, ctx: UserContext, needId: string, to: 'matching' | 'contracted') {
    const [row] = await tx.select({ stage: techNeeds.stage }).from(techNeeds).where(eq(techNeeds.id, needId));
    if (!row) return;
    const order: NeedStage[] = ['published', 'matching', 'contracted'];
    const from = row.stage as NeedStage;
    if (!order.includes(from) || order.indexOf(from) >= order.indexOf(to)) return;
    const now = clock.now();
    await tx
      .update(techNeeds)
      .set({ stage: to, stageChangedAt: now, updatedAt: now })
      .where(eq(techNeeds.id, needId));
    await audit(tx, ctx, 'stage', 'need', needId, { from, to, automatic: true });
  }

  const deleteNeed = (ctx: UserContext, id: string) =>
    write(ctx, async (tx) => {
      const need = await getNeedIn(tx, ctx, id);
      await tx
        .update(techNeeds)
        .set({ deletedAt: clock.now(), updatedAt: clock.now() })
        .where(eq(techNeeds.id, id));
      await audit(tx, ctx, 'delete', 'need', id);
      return need;
    });

  // ---- achievements -------------------------------------------------------------------------------

  const achievementColumns = {
    a: achievements,
    instituteName: institutes.name,
    industryName: industries.name,
  };
  const toAchievement = (r: {
    a: typeof achievements.$inferSelect;
    instituteName: string | null;
    industryName: string | null;
  }): Achievement => ({
    id: r.a.id,
    regionCode: r.a.regionCode,
    instituteId: r.a.instituteId,
    instituteName: r.instituteName ?? '',
    title: r.a.title,
    abstract: r.a.abstract,
    keywords: r.a.keywords,
    industryId: r.a.industryId,
    industryName: r.industryName,
    trl: r.a.trl,
    ipType: r.a.ipType as IpType,
    ipNumbers: r.a.ipNumbers,
    cooperationForms: r.a.cooperationForms as CooperationForm[],
    createdAt: r.a.createdAt.toISOString(),
    updatedAt: r.a.updatedAt.toISOString(),
  });
  const achievementBase = (tx: Tx) =>
    tx
      .select(achievementColumns)
      .from(achievements)
      .leftJoin(institutes, eq(institutes.id, achievements.instituteId))
      .leftJoin(industries, eq(industries.id, achievements.industryId));

  function achievementWhere(query: AchievementQuery): SQL | undefined {
    return and(
      isNull(achievements.deletedAt),
      query.q
        ? sql`(${achievements.title} ILIKE ${`%${escapeLike(query.q)}%`} OR ${achievements.keywords}::text ILIKE ${`%${escapeLike(query.q)}%`})`
        : undefined,
      query.instituteId ? eq(achievements.instituteId, query.instituteId) : undefined,
      query.industryId ? eq(achievements.industryId, query.industryId) : undefined,
      query.minTrl ? gte(achievements.trl, query.minTrl) : undefined,
    );
  }

  const listAchievements = (ctx: UserContext, query: AchievementQuery) =>
    db.transaction(ctx.scope, async (tx) => {
      const rows = await achievementBase(tx)
        .where(achievementWhere(query))
        .orderBy(desc(achievements.updatedAt), desc(achievements.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(achievements)
        .where(achievementWhere(query));
      return {
        items: rows.map(toAchievement),
        total: count?.n ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    });

  async function getAchievementIn(tx: Tx, ctx: UserContext, id: string): Promise<Achievement> {
    const [row] = await achievementBase(tx).where(
      and(eq(achievements.id, id), isNull(achievements.deletedAt)),
    );
    if (!row) throw notFound(ctx.lang);
    return toAchievement(row);
  }
  const getAchievement = (ctx: UserContext, id: string) =>
    db.transaction(ctx.scope, (tx) => getAchievementIn(tx, ctx, id));

  async function instituteFor(tx: Tx, ctx: UserContext, requested: string | null) {
    const id = ctx.user.role === 'institute' ? ctx.user.instituteId : requested;
    if (!id) throw invalid([{ path: 'instituteId', message: '请选择成果所属院所' }], ctx.lang);
    const [row] = await tx
      .select({ id: institutes.id, regionCode: institutes.regionCode })
      .from(institutes)
      .where(and(eq(institutes.id, id), isNull(institutes.deletedAt)));
    if (!row) throw invalid([{ path: 'instituteId', message: '院所不存在或不在本区域' }], ctx.lang);
    return row;
  }

  const achievementValues = (input: AchievementIn) => ({
    title: input.title,
    abstract: input.abstract,
    keywords: input.keywords,
    industryId: input.industryId,
    trl: input.trl,
    ipType: input.ipType,
    ipNumbers: input.ipNumbers,
    cooperationForms: input.cooperationForms,
  });

  /** Inserts in the caller's transaction (create and the imports). */
  async function insertAchievement(tx: Tx, ctx: UserContext, input: AchievementIn): Promise<string> {
    const institute = await instituteFor(tx, ctx, input.instituteId);
    await checkIndustry(tx, ctx, input.industryId);
    const now = clock.now();
    const [row] = await tx
      .insert(achievements)
      .values({
        ...achievementValues(input),
        regionCode: institute.regionCode,
        instituteId: institute.id,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.user.id,
      })
      .returning({ id: achievements.id });
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, ctx, 'create', 'achievement', row.id);
    return row.id;
  }

  const createAchievement = (ctx: UserContext, input: AchievementIn) =>
    write(ctx, async (tx) => getAchievementIn(tx, ctx, await insertAchievement(tx, ctx, input)));

  const updateAchievement = (ctx: UserContext, id: string, input: AchievementIn) =>
    write(ctx, async (tx) => {
      const current = await getAchievementIn(tx, ctx, id);
      const institute =
        input.instituteId && ctx.user.role !== 'institute'
          ? await instituteFor(tx, ctx, input.instituteId)
          : null;
      await checkIndustry(tx, ctx, input.industryId);
      await tx
        .update(achievements)
        .set({
          ...achievementValues(input),
          ...(institute ? { instituteId: institute.id, regionCode: institute.regionCode } : {}),
          updatedAt: clock.now(),
        })
        .where(eq(achievements.id, current.id));
      await audit(tx, ctx, 'update', 'achievement', id);
      return getAchievementIn(tx, ctx, id);
    });

  const deleteAchievement = (ctx: UserContext, id: string) =>
    write(ctx, async (tx) => {
      const current = await getAchievementIn(tx, ctx, id);
      await tx
        .update(achievements)
        .set({ deletedAt: clock.now(), updatedAt: clock.now() })
        .where(eq(achievements.id, id));
      await audit(tx, ctx, 'delete', 'achievement', id);
      return current;
    });

  return {
    listNeeds,
    getNeed,
    getNeedIn,
    createNeed,
    updateNeed,
    moveNeedStage,
    advanceNeedIn,
    deleteNeed,
    listAchievements,
    getAchievement,
    getAchievementIn,
    insertAchievement,
    createAchievement,
    updateAchievement,
    deleteAchievement,
    write,
  };
}

/**
 * Marks a need contracted when a project signed from it (called by the projects module in its
 * own transaction; needs stay written by this module only).
 */
export async function contractNeedIn(tx: Tx, ctx: UserContext, clock: Clock, needId: string): Promise<void> {
  const now = clock.now();
  const updated = await tx
    .update(techNeeds)
    .set({ stage: 'contracted', stageChangedAt: now, updatedAt: now })
    .where(and(eq(techNeeds.id, needId), sql`${techNeeds.stage} IN ('published', 'matching')`))
    .returning({ id: techNeeds.id });
  if (updated.length)
    await recordAudit(tx, {
      regionCode: ctx.user.activeRegionCode,
      at: now,
      actorId: ctx.user.id,
      actorName: ctx.user.username,
      action: 'stage',
      targetType: 'need',
      targetId: needId,
      result: 'ok',
      clientAddress: ctx.clientAddress,
      detail: { to: 'contracted', automatic: true },
    });
}
