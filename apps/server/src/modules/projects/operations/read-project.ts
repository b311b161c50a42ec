import {
  movesFrom,
  type OutputKind,
  type Project,
  type ProjectMoveTarget,
  type ProjectStage,
  projectPipeline,
} from '@gaodi/contracts';
import { asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/auth.table.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { techNeeds } from '../../matchmaking/index.ts';
import { readCustomStages, readStageNames } from '../../settings/index.ts';
import type { ProjectDeps } from '../projects.deps.ts';
import { mayEdit, type ProjectRow, partiesOf, summaryBase, toSummary } from '../projects.queries.ts';
import {
  cooperationProjects,
  projectEntries,
  projectHelperAssignments,
  projectMilestones,
  projectOutputs,
} from '../projects.table.ts';

const assignedBy = alias(users, 'assigned_by_user');

/** The office's name of the project's custom stage, and where the user may move it (named by the office). */
async function stageView(
  tx: Tx,
  p: ProjectRow,
  canEdit: boolean,
): Promise<{ subStageName: string | null; allowedMoves: ProjectMoveTarget[] }> {
  const names = await readStageNames(tx, p.regionCode, 'project');
  // Retired custom stages still name a project sitting in one; moves go only into current ones.
  const all = await readCustomStages(tx, p.regionCode, 'project', { withRetired: true });
  for (const c of all) names[c.code] = c.label;
  const current = await readCustomStages(tx, p.regionCode, 'project');
  const from = { stage: p.stage as ProjectStage, subStage: p.subStage };
  const allowedMoves = canEdit
    ? movesFrom(projectPipeline, current, from).map((to) => ({
        stage: to.stage,
        subStage: to.subStage,
        name: (to.subStage ? names[to.subStage] : names[to.stage]) ?? to.stage,
      }))
    : [];
  return { subStageName: p.subStage ? (names[p.subStage] ?? p.subStage) : null, allowedMoves };
}

async function detailsOf(tx: Tx, id: string) {
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
  return {
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
  };
}

/** One project with everything its page shows, read in the caller's transaction. */
export async function readProjectIn(tx: Tx, ctx: UserContext, id: string): Promise<Project> {
  const [row] = await summaryBase(tx).where(eq(cooperationProjects.id, id));
  if (!row) throw notFound(ctx.lang);
  const parties = await partiesOf(tx, [id]);
  const [need] = row.p.needId
    ? await tx.select({ title: techNeeds.title }).from(techNeeds).where(eq(techNeeds.id, row.p.needId))
    : [];
  const canEdit = mayEdit(ctx, row.p, row.helperId ?? null);
  return {
    ...toSummary(row, parties),
    description: row.p.description,
    landedPlace: row.p.landedPlace,
    stoppedReason: row.p.stoppedReason,
    isGreenChannel: row.p.isGreenChannel,
    needId: row.p.needId,
    needTitle: need?.title ?? null,
    sourcePairingId: row.p.sourcePairingId,
    ...(await stageView(tx, row.p, canEdit)),
    ...(await detailsOf(tx, id)),
    canEdit,
  };
}

export const getProject = ({ db }: Pick<ProjectDeps, 'db'>, ctx: UserContext, id: string) =>
  db.transaction(ctx.scope, (tx) => readProjectIn(tx, ctx, id));
