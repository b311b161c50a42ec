import {
  cooperationProjects,
  projectEntries,
  projectHelperAssignments,
  projectMilestones,
  projectOutputs,
  projectParties,
} from '../../modules/projects/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { searchTextOf } from '../../platform/text/search-text.ts';
import type { DemoCalendar } from '../demo-calendar.ts';
import { JX } from './directory.data.ts';
import type { MatchmakingDemoContext } from './insert-directory.ts';
import type { DemoPairing } from './insert-events.ts';
import { type DemoProject, PROJECTS } from './projects.data.ts';

/** Who runs the projects: the helper serves them all, the task-force lead registers them. */
export type DemoProjectPeople = { helper: string; lead: string | null };

/**
 * A project's dates in the loading year: a signed project is the year's story (`day`), one never
 * signed keeps its distance from today (`ago`), so an intention quiet for months stays red that long.
 */
function placeProject(p: DemoProject, cal: DemoCalendar): DemoProject {
  const on = p.signedOn ? cal.day : cal.ago;
  return {
    ...p,
    contractNo: cal.relabel(p.contractNo),
    signedOn: p.signedOn && on(p.signedOn),
    landedOn: p.landedOn && on(p.landedOn),
    lastEntryOn: on(p.lastEntryOn),
    milestones: p.milestones?.map((m) => ({ ...m, dueOn: on(m.dueOn), doneOn: m.doneOn && on(m.doneOn) })),
    outputs: p.outputs?.map((o) => ({ ...o, on: on(o.on) })),
  };
}

/** The cooperation projects with parties, history, milestones and outputs; returns their ids. */
export async function insertDemoProjects(
  c: MatchmakingDemoContext,
  people: DemoProjectPeople,
  needId: Map<string, string>,
  pairingId: Map<string, DemoPairing>,
): Promise<string[]> {
  const { tx, cal } = c;
  const created: string[] = [];
  for (const written of PROJECTS) {
    const p = placeProject(written, cal);
    const pairing = p.need ? pairingId.get(p.need) : undefined;
    const enterpriseIds = p.enterprises.flatMap((n) => c.ids.enterprise.get(n) ?? []);
    const instituteIds = p.institutes.flatMap((n) => c.ids.institute.get(n) ?? []);
    const startedOn = p.signedOn ?? p.lastEntryOn;
    const stageOn = p.landedOn ?? p.signedOn ?? p.lastEntryOn;
    const [row] = await tx
      .insert(cooperationProjects)
      .values({
        regionCode: JX,
        rdRegionCode: p.rdRegion ?? JX,
        title: p.title,
        searchText: searchTextOf(p.title),
        kind: p.kind,
        stage: p.stage,
        contractNo: p.contractNo,
        amountFen: p.amountYuan * 100,
        signedOn: p.signedOn ?? null,
        landedOn: p.landedOn ?? null,
        landedPlace: p.landedPlace ?? '',
        stoppedReason: p.stoppedReason ?? '',
        sourceEventId: pairing?.eventId ?? null,
        sourcePairingId: pairing?.id ?? null,
        needId: p.need ? (needId.get(p.need) ?? null) : null,
        enterpriseIds,
        instituteIds,
        description: '',
        stageChangedAt: cal.at(stageOn, 16),
        lastEntryOn: p.lastEntryOn,
        createdAt: cal.at(startedOn, 10),
        updatedAt: cal.at(p.lastEntryOn, 17),
        createdBy: people.lead,
      })
      .returning({ id: cooperationProjects.id });
    if (!row) continue;
    created.push(row.id);
    await insertProjectChildren(c, row.id, p, { enterpriseIds, instituteIds, ...people });
  }
  return created;
}

/** Parties, then the history (stage entries, helper), then milestones and outputs. */
async function insertProjectChildren(
  { tx, cal }: MatchmakingDemoContext,
  projectId: string,
  p: DemoProject,
  parties: DemoProjectPeople & { enterpriseIds: string[]; instituteIds: string[] },
) {
  await tx.insert(projectParties).values([
    ...parties.enterpriseIds.map((enterpriseId) => ({
      regionCode: JX,
      projectId,
      partyKind: 'enterprise',
      enterpriseId,
    })),
    ...parties.instituteIds.map((instituteId) => ({
      regionCode: JX,
      projectId,
      partyKind: 'institute',
      instituteId,
    })),
  ]);
  await addDemoHistory(tx, projectId, p, parties, cal);
  for (const m of p.milestones ?? [])
    await tx.insert(projectMilestones).values({
      regionCode: JX,
      projectId,
      title: m.title,
      dueOn: m.dueOn,
      doneOn: m.doneOn ?? null,
    });
  for (const o of p.outputs ?? [])
    await tx.insert(projectOutputs).values({
      regionCode: JX,
      projectId,
      kind: o.kind,
      title: o.title,
      amountFen: o.amountYuan ? o.amountYuan * 100 : null,
      recordedOn: o.on,
    });
}

/** Stage entries and the helper assignment (one hand-over on the first project, to show one). */
async function addDemoHistory(
  tx: Tx,
  projectId: string,
  p: DemoProject,
  people: DemoProjectPeople,
  cal: DemoCalendar,
) {
  const entry = (on: string, content: string, kind: string, stageFrom?: string, stageTo?: string) => ({
    regionCode: JX,
    projectId,
    kind,
    on,
    content,
    stageFrom: stageFrom ?? null,
    stageTo: stageTo ?? null,
    authorId: people.lead,
    authorName: '李强',
    createdAt: cal.at(on, 17),
  });
  const start = p.signedOn ?? p.lastEntryOn;
  const rows = [entry(start, '登记合作意向', 'stage', undefined, 'intention')];
  if (p.signedOn)
    rows.push(entry(p.signedOn, `意向 → 签约（合同 ${p.contractNo}）`, 'stage', 'intention', 'signed'));
  if (p.landedOn)
    rows.push(entry(p.landedOn, `验收 → 转化落地（${p.landedPlace ?? ''}）`, 'stage', 'accepted', 'landed'));
  if (p.stage === 'stopped')
    rows.push(entry(p.lastEntryOn, `终止：${p.stoppedReason ?? ''}`, 'stage', 'signed', 'stopped'));
  rows.push(entry(p.lastEntryOn, '帮办专员走访企业，了解项目进展和困难诉求', 'progress'));
  await tx.insert(projectEntries).values(rows);
  await tx.insert(projectHelperAssignments).values({
    regionCode: JX,
    projectId,
    helperId: people.helper,
    startedAt: cal.at(start, 10),
    assignedBy: people.lead,
    reason: '一项目一专员',
  });
}
