import {
  can,
  type Enterprise,
  type EnterpriseInput,
  type EnterpriseListQuery,
  type Expert,
  type ExpertInput,
  type ExpertListQuery,
  type Industry,
  type IndustryInput,
  type Institute,
  type InstituteInput,
  type InstituteListQuery,
} from '@gaodi/contracts';
import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { recordUserAction } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { regions } from '../../platform/tenancy/region.table.ts';
import { searchPattern, searchTextOf } from '../../platform/text/search-text.ts';
import { enterprises, experts, industries, institutes } from './directory.table.ts';

export type DirectoryService = ReturnType<typeof createDirectoryService>;
export type EnterpriseQuery = z.output<typeof EnterpriseListQuery>;
type InstituteQuery = z.output<typeof InstituteListQuery>;
type ExpertQuery = z.output<typeof ExpertListQuery>;

/** 138****5678: what people who do not own a record see of a phone number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone ? '****' : '';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

type Sort = 'asc' | 'desc';
const ordered = (column: PgColumn, order: Sort) => (order === 'desc' ? desc(column) : asc(column));
const deletedFilter = (column: PgColumn, mode: 'exclude' | 'only') =>
  mode === 'only' ? isNotNull(column) : isNull(column);

export function createDirectoryService({ db, clock }: { db: Database; clock: Clock }) {
  const audit = (
    tx: Tx,
    ctx: UserContext,
    action: string,
    targetType: string,
    targetId: string,
    detail?: unknown,
  ) => recordUserAction(tx, ctx, clock.now(), { action, targetType, targetId, detail });

  // ---- industries -------------------------------------------------------------------------

  const toIndustry = (r: typeof industries.$inferSelect): Industry => ({
    id: r.id,
    regionCode: r.regionCode,
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    isLeading: r.isLeading,
    sortOrder: r.sortOrder,
  });

  async function listIndustries(ctx: UserContext): Promise<Industry[]> {
    return db.transaction(ctx.scope, async (tx) =>
      (await tx.select().from(industries).orderBy(asc(industries.sortOrder), asc(industries.name))).map(
        toIndustry,
      ),
    );
  }

  async function createIndustry(ctx: UserContext, input: z.output<typeof IndustryInput>): Promise<Industry> {
    return db.transaction(ctx.scope, async (tx) => {
      const [row] = await tx
        .insert(industries)
        .values({ ...input, regionCode: ctx.user.activeRegionCode })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await audit(tx, ctx, 'create', 'industry', row.id);
      return toIndustry(row);
    });
  }

  // ---- enterprises ------------------------------------------------------------------------

  const enterpriseColumns = {
    e: enterprises,
    industryName: industries.name,
    regionName: regions.name,
  };

  function toEnterprise(
    ctx: UserContext,
    r: { e: typeof enterprises.$inferSelect; industryName: string | null; regionName: string | null },
  ): Enterprise {
    const mayEdit = can(ctx.user.role, 'enterprise', 'update');
    return {
      id: r.e.id,
      regionCode: r.e.regionCode,
      regionName: r.regionName ?? r.e.regionCode,
      creditCode: r.e.creditCode,
      name: r.e.name,
      industryId: r.e.industryId,
      industryName: r.industryName,
      scale: r.e.scale as Enterprise['scale'],
      address: r.e.address,
      contactName: r.e.contactName,
      contactPhone: mayEdit ? r.e.contactPhone : maskPhone(r.e.contactPhone),
      isDeleted: r.e.deletedAt !== null,
      createdAt: r.e.createdAt.toISOString(),
      updatedAt: r.e.updatedAt.toISOString(),
    };
  }

  function enterpriseWhere(query: EnterpriseQuery): SQL | undefined {
    return and(
      deletedFilter(enterprises.deletedAt, query.deleted),
      query.q
        ? sql`(${enterprises.searchText} LIKE ${searchPattern(query.q)} OR ${enterprises.creditCode} = ${query.q.toUpperCase()})`
        : undefined,
      query.industryId ? eq(enterprises.industryId, query.industryId) : undefined,
      query.scale ? eq(enterprises.scale, query.scale) : undefined,
      query.regionCode ? eq(enterprises.regionCode, query.regionCode) : undefined,
    );
  }

  async function listEnterpriseRows(tx: Tx, ctx: UserContext, query: EnterpriseQuery, limit: number | null) {
    const sortColumn = {
      name: enterprises.name,
      createdAt: enterprises.createdAt,
      creditCode: enterprises.creditCode,
    }[query.sort];
    const base = tx
      .select(enterpriseColumns)
      .from(enterprises)
      .leftJoin(industries, eq(industries.id, enterprises.industryId))
      .leftJoin(regions, eq(regions.code, enterprises.regionCode))
      .where(enterpriseWhere(query))
      .orderBy(ordered(sortColumn, query.order), asc(enterprises.id));
    const rows =
      limit === null ? await base : await base.limit(limit).offset((query.page - 1) * query.pageSize);
    return rows.map((r) => toEnterprise(ctx, r));
  }

  async function listEnterprises(ctx: UserContext, query: EnterpriseQuery) {
    return db.transaction(ctx.scope, async (tx) => {
      const items = await listEnterpriseRows(tx, ctx, query, query.pageSize);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(enterprises)
        .where(enterpriseWhere(query));
      return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
    });
  }

  async function getEnterpriseIn(tx: Tx, ctx: UserContext, id: string): Promise<Enterprise> {
    const [row] = await tx
      .select(enterpriseColumns)
      .from(enterprises)
      .leftJoin(industries, eq(industries.id, enterprises.industryId))
      .leftJoin(regions, eq(regions.code, enterprises.regionCode))
      .where(eq(enterprises.id, id));
    if (!row) throw notFound(ctx.lang);
    return toEnterprise(ctx, row);
  }

  const getEnterprise = (ctx: UserContext, id: string) =>
    db.transaction(ctx.scope, (tx) => getEnterpriseIn(tx, ctx, id));

  function enterpriseValues(input: z.output<typeof EnterpriseInput>) {
    return { ...input, searchText: searchTextOf(input.name) };
  }

  /** Inserts in the caller's transaction (used by create and by import). */
  async function insertEnterprise(
    tx: Tx,
    ctx: UserContext,
    input: z.output<typeof EnterpriseInput>,
  ): Promise<string> {
    const [row] = await tx
      .insert(enterprises)
      .values({ ...enterpriseValues(input), regionCode: ctx.user.activeRegionCode, createdBy: ctx.user.id })
      .returning({ id: enterprises.id });
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, ctx, 'create', 'enterprise', row.id);
    return row.id;
  }

  async function updateEnterpriseIn(
    tx: Tx,
    ctx: UserContext,
    id: string,
    input: z.output<typeof EnterpriseInput>,
  ) {
    const updated = await tx
      .update(enterprises)
      .set({ ...enterpriseValues(input), updatedAt: clock.now() })
      .where(eq(enterprises.id, id))
      .returning({ id: enterprises.id });
    if (updated.length === 0) throw notFound(ctx.lang);
    await audit(tx, ctx, 'update', 'enterprise', id);
  }

  const createEnterprise = (ctx: UserContext, input: z.output<typeof EnterpriseInput>) =>
    db.transaction(ctx.scope, async (tx) => getEnterpriseIn(tx, ctx, await insertEnterprise(tx, ctx, input)));

  const updateEnterprise = (ctx: UserContext, id: string, input: z.output<typeof EnterpriseInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      await updateEnterpriseIn(tx, ctx, id, input);
      return getEnterpriseIn(tx, ctx, id);
    });

  const setEnterpriseDeleted = (ctx: UserContext, id: string, isDeleted: boolean) =>
    db.transaction(ctx.scope, async (tx) => {
      const updated = await tx
        .update(enterprises)
        .set({ deletedAt: isDeleted ? clock.now() : null, updatedAt: clock.now() })
        .where(eq(enterprises.id, id))
        .returning({ id: enterprises.id });
      if (updated.length === 0) throw notFound(ctx.lang);
      await audit(tx, ctx, isDeleted ? 'delete' : 'restore', 'enterprise', id);
      return getEnterpriseIn(tx, ctx, id);
    });

  // ---- institutes -------------------------------------------------------------------------

  const toInstitute = (r: typeof institutes.$inferSelect): Institute => ({
    id: r.id,
    regionCode: r.regionCode,
    name: r.name,
    kind: r.kind as Institute['kind'],
    level: r.level as Institute['level'],
    city: r.city,
    isDeleted: r.deletedAt !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  });

  async function listInstitutes(ctx: UserContext, query: InstituteQuery) {
    const where = and(
      deletedFilter(institutes.deletedAt, query.deleted),
      query.q ? sql`${institutes.searchText} LIKE ${searchPattern(query.q)}` : undefined,
      query.kind ? eq(institutes.kind, query.kind) : undefined,
      query.level ? eq(institutes.level, query.level) : undefined,
    );
    const sortColumn = { name: institutes.name, createdAt: institutes.createdAt }[query.sort];
    return db.transaction(ctx.scope, async (tx) => {
      const rows = await tx
        .select()
        .from(institutes)
        .where(where)
        .orderBy(ordered(sortColumn, query.order), asc(institutes.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(institutes).where(where);
      return {
        items: rows.map(toInstitute),
        total: count?.n ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  async function getInstituteIn(tx: Tx, ctx: UserContext, id: string) {
    const [row] = await tx.select().from(institutes).where(eq(institutes.id, id));
    if (!row) throw notFound(ctx.lang);
    return toInstitute(row);
  }

  const getInstitute = (ctx: UserContext, id: string) =>
    db.transaction(ctx.scope, (tx) => getInstituteIn(tx, ctx, id));

  /** Inserts in the caller's transaction (create, and the imports that create missing institutes). */
  async function insertInstitute(tx: Tx, ctx: UserContext, input: z.output<typeof InstituteInput>) {
    const [row] = await tx
      .insert(institutes)
      .values({
        ...input,
        searchText: searchTextOf(input.name),
        regionCode: ctx.user.activeRegionCode,
        createdBy: ctx.user.id,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, ctx, 'create', 'institute', row.id);
    return toInstitute(row);
  }

  const createInstitute = (ctx: UserContext, input: z.output<typeof InstituteInput>) =>
    db.transaction(ctx.scope, (tx) => insertInstitute(tx, ctx, input));

  const updateInstitute = (ctx: UserContext, id: string, input: z.output<typeof InstituteInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      const [row] = await tx
        .update(institutes)
        .set({ ...input, searchText: searchTextOf(input.name), updatedAt: clock.now() })
        .where(eq(institutes.id, id))
        .returning();
      if (!row) throw notFound(ctx.lang);
      await audit(tx, ctx, 'update', 'institute', id);
      return toInstitute(row);
    });

  const setInstituteDeleted = (ctx: UserContext, id: string, isDeleted: boolean) =>
    db.transaction(ctx.scope, async (tx) => {
      const [row] = await tx
        .update(institutes)
        .set({ deletedAt: isDeleted ? clock.now() : null, updatedAt: clock.now() })
        .where(eq(institutes.id, id))
        .returning();
      if (!row) throw notFound(ctx.lang);
      await audit(tx, ctx, isDeleted ? 'delete' : 'restore', 'institute', id);
      return toInstitute(row);
    });

  // ---- experts ----------------------------------------------------------------------------

  const toExpert = (
    ctx: UserContext,
    r: { x: typeof experts.$inferSelect; instituteName: string | null },
  ): Expert => ({
    id: r.x.id,
    regionCode: r.x.regionCode,
    instituteId: r.x.instituteId,
    instituteName: r.instituteName ?? '',
    name: r.x.name,
    title: r.x.title,
    field: r.x.field,
    phone: can(ctx.user.role, 'expert', 'update') ? r.x.phone : maskPhone(r.x.phone),
    isDeleted: r.x.deletedAt !== null,
    createdAt: r.x.createdAt.toISOString(),
    updatedAt: r.x.updatedAt.toISOString(),
  });

  async function listExperts(ctx: UserContext, query: ExpertQuery) {
    const where = and(
      deletedFilter(experts.deletedAt, query.deleted),
      query.q
        ? sql`(${experts.searchText} LIKE ${searchPattern(query.q)} OR ${experts.field} LIKE ${searchPattern(query.q)})`
        : undefined,
      query.instituteId ? eq(experts.instituteId, query.instituteId) : undefined,
    );
    const sortColumn = { name: experts.name, createdAt: experts.createdAt }[query.sort];
    return db.transaction(ctx.scope, async (tx) => {
      const rows = await tx
        .select({ x: experts, instituteName: institutes.name })
        .from(experts)
        .leftJoin(institutes, eq(institutes.id, experts.instituteId))
        .where(where)
        .orderBy(ordered(sortColumn, query.order), asc(experts.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(experts).where(where);
      return {
        items: rows.map((r) => toExpert(ctx, r)),
        total: count?.n ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  async function getExpertIn(tx: Tx, ctx: UserContext, id: string) {
    const [row] = await tx
      .select({ x: experts, instituteName: institutes.name })
      .from(experts)
      .leftJoin(institutes, eq(institutes.id, experts.instituteId))
      .where(eq(experts.id, id));
    if (!row) throw notFound(ctx.lang);
    return toExpert(ctx, row);
  }

  const getExpert = (ctx: UserContext, id: string) =>
    db.transaction(ctx.scope, (tx) => getExpertIn(tx, ctx, id));

  /** The institute must be visible to the caller (RLS), or the expert is refused. */
  async function assertInstituteVisible(tx: Tx, ctx: UserContext, instituteId: string) {
    const [row] = await tx
      .select({ id: institutes.id })
      .from(institutes)
      .where(eq(institutes.id, instituteId));
    if (!row) {
      throw invalid([{ path: 'instituteId', message: '所属院所不存在' }], ctx.lang);
    }
  }

  const createExpert = (ctx: UserContext, input: z.output<typeof ExpertInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      await assertInstituteVisible(tx, ctx, input.instituteId);
      const [row] = await tx
        .insert(experts)
        .values({
          ...input,
          searchText: searchTextOf(input.name),
          regionCode: ctx.user.activeRegionCode,
          createdBy: ctx.user.id,
        })
        .returning({ id: experts.id });
      if (!row) throw new Error('insert returned nothing');
      await audit(tx, ctx, 'create', 'expert', row.id);
      return getExpertIn(tx, ctx, row.id);
    });

  const updateExpert = (ctx: UserContext, id: string, input: z.output<typeof ExpertInput>) =>
    db.transaction(ctx.scope, async (tx) => {
      await assertInstituteVisible(tx, ctx, input.instituteId);
      const updated = await tx
        .update(experts)
        .set({ ...input, searchText: searchTextOf(input.name), updatedAt: clock.now() })
        .where(eq(experts.id, id))
        .returning({ id: experts.id });
      if (updated.length === 0) throw notFound(ctx.lang);
      await audit(tx, ctx, 'update', 'expert', id);
      return getExpertIn(tx, ctx, id);
    });

  const setExpertDeleted = (ctx: UserContext, id: string, isDeleted: boolean) =>
    db.transaction(ctx.scope, async (tx) => {
      const updated = await tx
        .update(experts)
        .set({ deletedAt: isDeleted ? clock.now() : null, updatedAt: clock.now() })
        .where(eq(experts.id, id))
        .returning({ id: experts.id });
      if (updated.length === 0) throw notFound(ctx.lang);
      await audit(tx, ctx, isDeleted ? 'delete' : 'restore', 'expert', id);
      return getExpertIn(tx, ctx, id);
    });

  return {
    listIndustries,
    createIndustry,
    listEnterprises,
    listEnterpriseRows,
    getEnterprise,
    createEnterprise,
    updateEnterprise,
    setEnterpriseDeleted,
    insertEnterprise,
    updateEnterpriseIn,
    listInstitutes,
    getInstitute,
    createInstitute,
    insertInstitute,
    updateInstitute,
    setInstituteDeleted,
    listExperts,
    getExpert,
    createExpert,
    updateExpert,
    setExpertDeleted,
  };
}
