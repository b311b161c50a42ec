import type {
  Achievement,
  AchievementInput,
  AchievementListQuery,
  CooperationForm,
  IpType,
} from '@gaodi/contracts';
import { and, eq, gte, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike } from '../../platform/audit/audit.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { nameInLang } from '../../platform/db/name-in-lang.ts';
import { notFound } from '../../platform/http/errors.ts';
import { searchPattern, searchTextOf } from '../../platform/text/search-text.ts';
import { industries, institutes } from '../directory/index.ts';
import { achievements } from './matchmaking.table.ts';

export type AchievementIn = z.output<typeof AchievementInput>;
export type AchievementQuery = z.output<typeof AchievementListQuery>;

export const toAchievement = (r: {
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

export const achievementBase = (tx: Tx) =>
  tx
    .select({
      a: achievements,
      instituteName: institutes.name,
      industryName: nameInLang(industries.name, industries.nameEn),
    })
    .from(achievements)
    .leftJoin(institutes, eq(institutes.id, achievements.instituteId))
    .leftJoin(industries, eq(industries.id, achievements.industryId));

export function achievementWhere(query: AchievementQuery): SQL | undefined {
  return and(
    isNull(achievements.deletedAt),
    query.q
      ? sql`(${achievements.title} ILIKE ${`%${escapeLike(query.q)}%`} OR ${achievements.keywords}::text ILIKE ${`%${escapeLike(query.q)}%`} OR ${achievements.searchText} LIKE ${searchPattern(query.q)} OR ${institutes.searchText} LIKE ${searchPattern(query.q)})`
      : undefined,
    query.instituteId ? eq(achievements.instituteId, query.instituteId) : undefined,
    query.industryId ? eq(achievements.industryId, query.industryId) : undefined,
    query.minTrl ? gte(achievements.trl, query.minTrl) : undefined,
  );
}

/** One achievement as the caller may see it, or 404. */
export async function readAchievement(tx: Tx, ctx: UserContext, id: string): Promise<Achievement> {
  const [row] = await achievementBase(tx).where(and(eq(achievements.id, id), isNull(achievements.deletedAt)));
  if (!row) throw notFound(ctx.lang);
  return toAchievement(row);
}

export const achievementValues = (input: AchievementIn) => ({
  title: input.title,
  abstract: input.abstract,
  keywords: input.keywords,
  industryId: input.industryId,
  trl: input.trl,
  ipType: input.ipType,
  ipNumbers: input.ipNumbers,
  cooperationForms: input.cooperationForms,
  searchText: searchTextOf(input.title, ...input.keywords),
});
