import { STAGE_LABELS, type Stage } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { industries, institutes } from '../modules/directory/index.ts';
import { platforms } from '../modules/innovation/index.ts';
import {
  recruitmentEntries,
  recruitmentMilestones,
  recruitmentPlans,
  recruitmentRecords,
  recruitmentSupervisedItems,
} from '../modules/recruitment/index.ts';
import { createSupervisionService } from '../modules/supervision/index.ts';
import { users } from '../platform/auth/auth.table.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database, Tx } from '../platform/db/database.ts';
import { inboxNotifier } from '../platform/notifications/notifier.ts';
import { searchTextOf } from '../platform/text/search-text.ts';
import { type DemoCalendar, demoCalendar } from './demo-calendar.ts';
import { atDemoClock } from './demo-clock.ts';
import { type DemoRecord, placeRecord } from './recruitment/demo-record.ts';
import { OPERATING_RECORDS } from './recruitment/operating-records.data.ts';
import { PIPELINE_RECORDS } from './recruitment/pipeline-records.data.ts';
import { PLATFORMS } from './recruitment/platforms.data.ts';

const JX = '370828';

/** Nine institutes recruited (签约 or beyond) in the year, six of them operating a platform, plus the pipeline. */
const RECORDS: DemoRecord[] = [...OPERATING_RECORDS, ...PIPELINE_RECORDS];

/** The task force every demo record has: 张敏 (staff, owner), 李强 (lead), 王芳 (helper). */
type DemoTaskForce = { staff: string; lead: string; helper: string };

type RecordContext = {
  tx: Tx;
  cal: DemoCalendar;
  clock: Clock;
  people: DemoTaskForce;
  industryId: Map<string, string>;
  platformId: Map<string, string>;
};

/**
 * The recruitment demo: the year's plan, the thirteen records of recruitment/*.data.ts with their
 * ledgers, task forces, milestones and the six platforms. Idempotent (a record that exists is left
 * alone); lights are computed at the end so the board shows them at once.
 */
export async function loadRecruitmentDemo(db: Database, clock: Clock): Promise<void> {
  const owner = db.owner;
  const cal = demoCalendar(clock);
  const ids = await owner.transaction(async (tx) => {
    await atDemoClock(tx, clock);
    const people = await taskForceOf(tx);
    if (!people) return [];
    const industryRows = await tx
      .select({ id: industries.id, code: industries.code })
      .from(industries)
      .where(eq(industries.regionCode, JX));
    const industryId = new Map(industryRows.map((i) => [i.code, i.id]));
    const platformId = await insertDemoPlatforms(tx, industryId, clock);
    const c: RecordContext = { tx, cal, clock, people, industryId, platformId };
    const created: string[] = [];
    for (const written of RECORDS) {
      const id = await insertDemoRecord(c, placeRecord(written, cal));
      if (id) created.push(id);
    }
    // The plan of the year the demo was first loaded in; a restart in a later year adds none.
    if (created.length > 0)
      await tx
        .insert(recruitmentPlans)
        .values({
          regionCode: JX,
          year: cal.year,
          title: `${cal.year}年大院大所招引工作方案`,
          targetRecruited: 9,
          targetOperating: 6,
          ownerId: people.lead,
          notes: '工作组+专班，一院所一专班，全程跟踪推进；重点对接京津、济南、大连等地高校院所。',
          updatedAt: clock.now(),
        })
        .onConflictDoNothing();
    return created;
  });
  if (ids.length === 0) return;
  const supervision = createSupervisionService({
    db,
    clock,
    notifier: inboxNotifier,
    providers: [recruitmentSupervisedItems],
  });
  await owner.transaction(async (tx) => {
    await atDemoClock(tx, clock);
    await supervision.refreshItems(tx as Tx, 'recruitment', ids);
    // Records quiet for months have been red that long: the first lights run then tells the
    // leaders and proposes them for a round-table, as it would have.
    await supervision.dateLightsFromPast(tx as Tx, 'recruitment', ids);
  });
}

async function taskForceOf(tx: Tx): Promise<DemoTaskForce | null> {
  const rows = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.regionCode, JX));
  const people = new Map(rows.map((u) => [u.username, u.id]));
  const staff = people.get('jx_staff');
  const lead = people.get('jx_lead');
  const helper = people.get('jx_helper');
  return staff && lead && helper ? { staff, lead, helper } : null;
}

/** The six platforms (each once); returns their ids by name. */
async function insertDemoPlatforms(tx: Tx, industryId: Map<string, string>, clock: Clock) {
  const platformId = new Map<string, string>();
  for (const p of PLATFORMS) {
    const [found] = await tx
      .select({ id: platforms.id })
      .from(platforms)
      .where(and(eq(platforms.regionCode, JX), eq(platforms.name, p.name)));
    const id =
      found?.id ??
      (
        await tx
          .insert(platforms)
          .values({
            ...p,
            industryId: industryId.get(p.industry) ?? null,
            regionCode: JX,
            createdAt: clock.now(),
          })
          .returning({ id: platforms.id })
      )[0]?.id;
    if (id) platformId.set(p.name, id);
  }
  return platformId;
}

/** One record with its ledger and milestones, unless its institute already has one; returns its id. */
async function insertDemoRecord(c: RecordContext, r: DemoRecord): Promise<string | null> {
  const { tx, cal, people } = c;
  if (r.newInstitute) {
    await tx
      .insert(institutes)
      .values({ name: r.institute, ...r.newInstitute, regionCode: JX, searchText: searchTextOf(r.institute) })
      .onConflictDoNothing();
  }
  const [inst] = await tx
    .select({ id: institutes.id })
    .from(institutes)
    .where(and(eq(institutes.regionCode, JX), eq(institutes.name, r.institute)));
  if (!inst) return null;
  const [exists] = await tx
    .select({ id: recruitmentRecords.id })
    .from(recruitmentRecords)
    .where(and(eq(recruitmentRecords.regionCode, JX), eq(recruitmentRecords.instituteId, inst.id)));
  if (exists) return null;
  const stage = r.steps.reduce<Stage>((s, step) => step.to ?? s, 'lead');
  const lastStep = r.steps.at(-1);
  const first = r.steps[0]?.on ?? cal.today;
  const [rec] = await tx
    .insert(recruitmentRecords)
    .values({
      regionCode: JX,
      instituteId: inst.id,
      grade: r.grade,
      stage,
      cooperationMode: r.mode,
      industryId: c.industryId.get(r.industry) ?? null,
      ownerId: people.staff,
      taskForceLeadId: people.lead,
      taskForceMemberIds: [people.lead, people.staff, people.helper],
      isGreenChannel: r.isGreenChannel ?? false,
      signedOn: r.signedOn ?? null,
      platformId: r.platform ? (c.platformId.get(r.platform) ?? null) : null,
      exitReason: r.exitReason ?? '',
      stageChangedAt: cal.at([...r.steps].reverse().find((s) => s.to)?.on ?? first, 10),
      lastEntryOn: lastStep?.on ?? null,
      nextStep: lastStep?.next?.[0] ?? '',
      nextDate: lastStep?.next?.[1] ?? null,
      createdBy: people.staff,
      createdAt: cal.at(first, 9),
      updatedAt: cal.at(lastStep?.on ?? first, 18),
    })
    .returning({ id: recruitmentRecords.id });
  if (!rec) return null;
  await insertRecordHistory(c, rec.id, r);
  return rec.id;
}

/** The record's ledger (a stage move says from → to) and its milestones. */
async function insertRecordHistory(c: RecordContext, recordId: string, r: DemoRecord) {
  let current: Stage = 'lead';
  await c.tx.insert(recruitmentEntries).values(
    r.steps.map((s) => {
      const from = current;
      if (s.to) current = s.to;
      return {
        regionCode: JX,
        recordId,
        entryOn: s.on,
        kind: s.kind,
        participants: '张敏、李强',
        content: s.to ? `阶段变更：${stageLabel(from)} → ${stageLabel(s.to)}。${s.content}` : s.content,
        result: s.result ?? '',
        nextStep: s.next?.[0] ?? '',
        nextDate: s.next?.[1] ?? null,
        stageFrom: s.to ? from : null,
        stageTo: s.to ?? null,
        authorId: c.people.staff,
        authorName: '张敏',
        createdAt: c.cal.at(s.on, 18),
      };
    }),
  );
  if (r.milestones?.length) {
    await c.tx.insert(recruitmentMilestones).values(
      r.milestones.map((m) => ({
        regionCode: JX,
        recordId,
        title: m.title,
        dueOn: m.dueOn,
        doneOn: m.doneOn ?? null,
        proofNote: m.proofNote ?? '',
        createdAt: c.clock.now(),
      })),
    );
  }
}

const stageLabel = (s: Stage) => STAGE_LABELS[s];
