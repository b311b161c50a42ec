import type { ProjectListQuery, ProjectPage } from '@gaodi/contracts';
import { and, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { escapeLike } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { searchPattern } from '../../../platform/text/search-text.ts';
import type { ProjectDeps } from '../projects.deps.ts';
import { openAssignment, partiesOf, summaryBase, toSummary } from '../projects.queries.ts';
import { cooperationProjects, projectHelperAssignments } from '../projects.table.ts';

type ListQuery = z.output<typeof ProjectListQuery>;

/** Signed or landed in the year. */
function inYear(year: number): SQL | undefined {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  return or(
    and(gte(cooperationProjects.signedOn, from), lt(cooperationProjects.signedOn, to)),
    and(gte(cooperationProjects.landedOn, from), lt(cooperationProjects.landedOn, to)),
  );
}

function listWhere(ctx: UserContext, query: ListQuery): SQL | undefined {
  return and(
    query.q
      ? sql`(${cooperationProjects.title} ILIKE ${`%${escapeLike(query.q)}%`} OR ${cooperationProjects.searchText} LIKE ${searchPattern(query.q)})`
      : undefined,
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
    query.year ? inYear(query.year) : undefined,
  );
}

/** A page of projects, most recently changed first (`mine`: the signed-in helper's caseload). */
export const listProjects = ({ db }: Pick<ProjectDeps, 'db'>, ctx: UserContext, query: ListQuery) =>
  db.transaction(ctx.scope, async (tx): Promise<ProjectPage> => {
    const where = listWhere(ctx, query);
    const rows = await summaryBase(tx)
      .where(where)
      .orderBy(desc(cooperationProjects.updatedAt), desc(cooperationProjects.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(cooperationProjects)
      .leftJoin(projectHelperAssignments, openAssignment)
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
