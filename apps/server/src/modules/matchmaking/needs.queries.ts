import type { CooperationForm, Need, NeedInput, NeedListQuery, NeedStage } from '@gaodi/contracts';
import { needPipeline } from '@gaodi/contracts';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { nameInLang } from '../../platform/db/name-in-lang.ts';
import { notFound } from '../../platform/http/errors.ts';
import { searchPattern, searchTextOf } from '../../platform/text/search-text.ts';
import { enterprises, industries, maskPhone } from '../directory/index.ts';
import { mayMoveNeeds, pairingCountFor } from './matchmaking.checks.ts';
import { techNeeds } from './matchmaking.table.ts';

export type NeedIn = z.output<typeof NeedInput>;
export type NeedQuery = z.output<typeof NeedListQuery>;

const needColumns = {
  n: techNeeds,
  enterpriseName: enterprises.name,
  industryName: nameInLang(industries.name, industries.nameEn),
  pairings: sql<number>`(SELECT count(*)::int FROM need_pairings p WHERE p.need_id = tech_needs.id)`,
};
type NeedRow = {
  n: typeof techNeeds.$inferSelect;
  enterpriseName: string | null;
  industryName: string | null;
  pairings: number;
};

export function toNeed(ctx: UserContext, r: NeedRow): Need {
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
    subStage: r.n.subStage,
    stageChangedAt: r.n.stageChangedAt.toISOString(),
    reviewNote: r.n.reviewNote,
    allowedStages: mayMoveNeeds(ctx) ? [...needPipeline.moves[stage]] : [],
    pairings: pairingCountFor(ctx, Number(r.pairings)),
    createdAt: r.n.createdAt.toISOString(),
    updatedAt: r.n.updatedAt.toISOString(),
  };
}

export function needWhere(query: NeedQuery): SQL | undefined {
  return and(
    isNull(techNeeds.deletedAt),
    query.q
      ? sql`(${techNeeds.title} ILIKE ${`%${escapeLike(query.q)}%`} OR ${techNeeds.searchText} LIKE ${searchPattern(query.q)} OR ${enterprises.searchText} LIKE ${searchPattern(query.q)})`
      : undefined,
    query.stage ? eq(techNeeds.stage, query.stage) : undefined,
    query.industryId ? eq(techNeeds.industryId, query.industryId) : undefined,
    query.enterpriseId ? eq(techNeeds.enterpriseId, query.enterpriseId) : undefined,
  );
}

export const needBase = (tx: Tx) =>
  tx
    .select(needColumns)
    .from(techNeeds)
    .leftJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
    .leftJoin(industries, eq(industries.id, techNeeds.industryId));

/** One need as the caller may see it, or 404. */
export async function readNeed(tx: Tx, ctx: UserContext, id: string): Promise<Need> {
  const [row] = await needBase(tx).where(and(eq(techNeeds.id, id), isNull(techNeeds.deletedAt)));
  if (!row) throw notFound(ctx.lang);
  return toNeed(ctx, row);
}

export const needValues = (input: NeedIn) => ({
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
  searchText: searchTextOf(input.title, ...input.keywords),
});
