import {
  can,
  type Enterprise,
  type EnterpriseInput,
  type EnterpriseListQuery,
  type Expert,
  type Industry,
  type Institute,
} from '@gaodi/contracts';
import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { nameInLang } from '../../platform/db/name-in-lang.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { regions } from '../../platform/tenancy/region.table.ts';
import { searchPattern, searchTextOf } from '../../platform/text/search-text.ts';
import { enterprises, experts, industries, institutes } from './directory.table.ts';

export type EnterpriseQuery = z.output<typeof EnterpriseListQuery>;

/** 138****5678: what people who do not own a record see of a phone number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone ? '****' : '';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

type Sort = 'asc' | 'desc';
export const ordered = (column: PgColumn, order: Sort) => (order === 'desc' ? desc(column) : asc(column));
export const deletedFilter = (column: PgColumn, mode: 'exclude' | 'only') =>
  mode === 'only' ? isNotNull(column) : isNull(column);

export const toIndustry = (r: typeof industries.$inferSelect): Industry => ({
  id: r.id,
  regionCode: r.regionCode,
  code: r.code,
  name: r.name,
  nameEn: r.nameEn,
  isLeading: r.isLeading,
  sortOrder: r.sortOrder,
});

export const enterpriseColumns = {
  e: enterprises,
  industryName: nameInLang(industries.name, industries.nameEn),
  regionName: regions.name,
};

export function toEnterprise(
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

export function enterpriseWhere(query: EnterpriseQuery): SQL | undefined {
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

export async function listEnterpriseRows(
  tx: Tx,
  ctx: UserContext,
  query: EnterpriseQuery,
  limit: number | null,
) {
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

export async function readEnterprise(tx: Tx, ctx: UserContext, id: string): Promise<Enterprise> {
  const [row] = await tx
    .select(enterpriseColumns)
    .from(enterprises)
    .leftJoin(industries, eq(industries.id, enterprises.industryId))
    .leftJoin(regions, eq(regions.code, enterprises.regionCode))
    .where(eq(enterprises.id, id));
  if (!row) throw notFound(ctx.lang);
  return toEnterprise(ctx, row);
}

export function enterpriseValues(input: z.output<typeof EnterpriseInput>) {
  return { ...input, searchText: searchTextOf(input.name) };
}

export const toInstitute = (r: typeof institutes.$inferSelect): Institute => ({
  id: r.id,
  regionCode: r.regionCode,
  name: r.name,
  kind: r.kind as Institute['kind'],
  level: r.level as Institute['level'],
  city: r.city,
  aliases: r.aliases,
  isDeleted: r.deletedAt !== null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function readInstitute(tx: Tx, ctx: UserContext, id: string) {
  const [row] = await tx.select().from(institutes).where(eq(institutes.id, id));
  if (!row) throw notFound(ctx.lang);
  return toInstitute(row);
}

export const toExpert = (
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

export async function readExpert(tx: Tx, ctx: UserContext, id: string) {
  const [row] = await tx
    .select({ x: experts, instituteName: institutes.name })
    .from(experts)
    .leftJoin(institutes, eq(institutes.id, experts.instituteId))
    .where(eq(experts.id, id));
  if (!row) throw notFound(ctx.lang);
  return toExpert(ctx, row);
}

/** The institute must be visible to the caller (RLS), or the expert is refused. */
export async function assertInstituteVisible(tx: Tx, ctx: UserContext, instituteId: string) {
  const [row] = await tx.select({ id: institutes.id }).from(institutes).where(eq(institutes.id, instituteId));
  if (!row) {
    throw invalid([{ path: 'instituteId', message: '所属院所不存在' }], ctx.lang);
  }
}
