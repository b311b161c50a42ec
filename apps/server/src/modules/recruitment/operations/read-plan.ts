import { RECRUITED_STAGES, type RecruitmentPlan } from '@gaodi/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import { recruitmentPlans, recruitmentRecords } from '../recruitment.table.ts';

/** The year's plan with its figures from the records (recruited: 签约 or beyond; operating with a platform). */
export async function readPlanIn(tx: Tx, ctx: UserContext, year: number): Promise<RecruitmentPlan> {
  const [row] = await tx
    .select()
    .from(recruitmentPlans)
    .where(and(eq(recruitmentPlans.regionCode, ctx.user.activeRegionCode), eq(recruitmentPlans.year, year)));
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

/** GET the year's plan. */
export const readPlan = ({ db }: Pick<RecruitmentDeps, 'db'>, ctx: UserContext, year: number) =>
  db.transaction(ctx.scope, (tx) => readPlanIn(tx, ctx, year));
