import type { RecruitmentPage } from '@gaodi/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../../platform/auth/context.ts';
import { institutes } from '../../directory/index.ts';
import { supervisionLights } from '../../supervision/index.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import {
  LIGHT_RANK,
  type ListQuery,
  lightJoin,
  listWhere,
  STAGE_RANK,
  summaryQuery,
  todayOf,
  toSummary,
} from '../recruitment.queries.ts';
import { recruitmentRecords } from '../recruitment.table.ts';

function sortOf(query: ListQuery): SQL[] {
  const dir = query.order === 'asc' ? sql`ASC` : sql`DESC`;
  const column = {
    updatedAt: sql`${recruitmentRecords.updatedAt}`,
    lastEntryOn: sql`${recruitmentRecords.lastEntryOn}`,
    nextDate: sql`${recruitmentRecords.nextDate}`,
    light: LIGHT_RANK,
    grade: sql`${recruitmentRecords.grade}`,
    institute: sql`${institutes.name}`,
    stage: STAGE_RANK,
  }[query.sort];
  return [sql`${column} ${dir} NULLS LAST`, sql`${recruitmentRecords.id} ASC`];
}

/** The records list: filtered, sorted, one page with the total. */
export function listRecords(
  { db, clock }: Pick<RecruitmentDeps, 'db' | 'clock'>,
  ctx: UserContext,
  query: ListQuery,
): Promise<z.input<typeof RecruitmentPage>> {
  const day = todayOf(clock);
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
      .leftJoin(supervisionLights, lightJoin)
      .where(where);
    return { items: rows.map(toSummary), total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
  });
}
