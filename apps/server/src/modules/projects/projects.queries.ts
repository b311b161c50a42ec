import type { LightReason, LightState, ProjectKind, ProjectStage, ProjectSummary } from '@gaodi/contracts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.table.ts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { regions } from '../../platform/tenancy/region.table.ts';
import { enterprises, institutes } from '../directory/index.ts';
import { matchmakingEvents } from '../matchmaking/index.ts';
import { supervisionLights } from '../supervision/index.ts';
import { PROJECT_ITEM } from './projects.deps.ts';
import { cooperationProjects, projectHelperAssignments, projectParties } from './projects.table.ts';

/** Shared readers of projects: the summary query and its mapping, parties, the current helper, the edit lock. */

const rdRegion = alias(regions, 'rd_region');
const helperUser = alias(users, 'helper_user');
/** Roles that edit every project of their region (a helper edits only the projects they serve). */
export const EDITORS = new Set(['staff', 'taskforce_lead']);

export type ProjectRow = typeof cooperationProjects.$inferSelect;

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

/** The current helper's open assignment, joined on the project. */
export const openAssignment = and(
  eq(projectHelperAssignments.projectId, cooperationProjects.id),
  isNull(projectHelperAssignments.endedAt),
);

/** Projects with their regions, current helper, light and source event: add `.where(…)`. */
export const summaryBase = (tx: Tx) =>
  tx
    .select(summaryColumns)
    .from(cooperationProjects)
    .leftJoin(regions, eq(regions.code, cooperationProjects.regionCode))
    .leftJoin(rdRegion, eq(rdRegion.code, cooperationProjects.rdRegionCode))
    .leftJoin(projectHelperAssignments, openAssignment)
    .leftJoin(helperUser, eq(helperUser.id, projectHelperAssignments.helperId))
    .leftJoin(
      supervisionLights,
      and(eq(supervisionLights.itemType, PROJECT_ITEM), eq(supervisionLights.itemId, cooperationProjects.id)),
    )
    .leftJoin(matchmakingEvents, eq(matchmakingEvents.id, cooperationProjects.sourceEventId));
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryBase>['where']>>[number];

export type Parties = Map<string, ProjectSummary['parties']>;

/** The parties of some projects, by project id. */
export async function partiesOf(tx: Tx, projectIds: string[]): Promise<Parties> {
  const map: Parties = new Map();
  if (projectIds.length === 0) return map;
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

export const toSummary = (r: SummaryRow, parties: Parties): ProjectSummary => ({
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

export async function currentHelper(tx: Tx, projectId: string): Promise<string | null> {
  const [row] = await tx
    .select({ helperId: projectHelperAssignments.helperId })
    .from(projectHelperAssignments)
    .where(and(eq(projectHelperAssignments.projectId, projectId), isNull(projectHelperAssignments.endedAt)));
  return row?.helperId ?? null;
}

/** Staff and task-force leads of the commercialisation region edit; a helper edits the projects they serve. */
export function mayEdit(ctx: UserContext, p: { regionCode: string }, helperId: string | null): boolean {
  const inRegion = ctx.user.visibleRegions.includes(p.regionCode);
  return inRegion && (EDITORS.has(ctx.user.role) || (ctx.user.role === 'helper' && helperId === ctx.user.id));
}

/** Locks the project row (so concurrent writes on one project run one after another) and checks the right to edit. */
export async function lockForEdit(tx: Tx, ctx: UserContext, id: string): Promise<ProjectRow> {
  const [p] = await tx.select().from(cooperationProjects).where(eq(cooperationProjects.id, id)).for('update');
  if (!p) throw notFound(ctx.lang);
  const helperId = await currentHelper(tx, id);
  if (!mayEdit(ctx, p, helperId))
    throw new AppError(403, 'FORBIDDEN', '只有本项目的帮办专员或科技局工作人员可以修改');
  return p;
}
