import { type MyWork, recruitmentPipeline } from '@gaodi/contracts';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { chinaDay } from '../../../platform/jobs/jobs.ts';
import type { RecruitmentDeps } from '../recruitment.deps.ts';
import {
  LIGHT_RANK,
  type SummaryRow,
  summaryQuery,
  todayOf,
  toMilestone,
  toSummary,
} from '../recruitment.queries.ts';
import { recruitmentMilestones, recruitmentRecords } from '../recruitment.table.ts';

const DAY_MS = 86_400_000;
type Due = MyWork['dueThisWeek'][number];

/** Open milestones of `ids` due before `weekEnd` (overdue ones included). */
function openMilestones(tx: Tx, ids: string[], weekEnd: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(recruitmentMilestones)
    .where(
      and(
        inArray(recruitmentMilestones.recordId, ids),
        isNull(recruitmentMilestones.doneOn),
        lt(recruitmentMilestones.dueOn, weekEnd),
      ),
    )
    .orderBy(asc(recruitmentMilestones.dueOn));
}

/** My work: records I own, lead or serve on (still active), overdue milestones, what is due this week. */
export function readMyWork(
  { db, clock }: Pick<RecruitmentDeps, 'db' | 'clock'>,
  ctx: UserContext,
): Promise<MyWork> {
  const day = todayOf(clock);
  const weekEnd = chinaDay(new Date(clock.now().getTime() + 7 * DAY_MS));
  const me = ctx.user.id;
  return db.transaction(ctx.scope, async (tx) => {
    const mine = or(
      eq(recruitmentRecords.ownerId, me),
      eq(recruitmentRecords.taskForceLeadId, me),
      sql`${me}::uuid = ANY(${recruitmentRecords.taskForceMemberIds})`,
    );
    const active = inArray(recruitmentRecords.stage, recruitmentPipeline.stagesIn('active'));
    const rows = await summaryQuery(tx, day, and(mine, active)).orderBy(
      desc(LIGHT_RANK),
      asc(recruitmentRecords.nextDate),
    );
    const names = new Map(rows.map((r) => [r.r.id, r.instituteName]));
    const open = await openMilestones(
      tx,
      rows.map((r) => r.r.id),
      weekEnd,
    );
    const overdueMilestones = open
      .filter((m) => m.dueOn < day)
      .map((m) => ({ ...toMilestone(m), recordId: m.recordId, instituteName: names.get(m.recordId) ?? '' }));
    const dueMilestones = open
      .filter((m) => m.dueOn >= day)
      .map((m): Due => {
        const instituteName = names.get(m.recordId) ?? '';
        return { recordId: m.recordId, instituteName, what: m.title, dueOn: m.dueOn, kind: 'milestone' };
      });
    const dueThisWeek = [...dueMilestones, ...nextDatesDue(rows, day, weekEnd)].sort((a, b) =>
      a.dueOn.localeCompare(b.dueOn),
    );
    return { records: rows.map(toSummary), overdueMilestones, dueThisWeek };
  });
}

/** Records whose promised next step falls between today and the week's end. */
function nextDatesDue(rows: SummaryRow[], day: string, weekEnd: string): Due[] {
  return rows
    .filter((r) => r.r.nextDate && r.r.nextDate >= day && r.r.nextDate <= weekEnd)
    .map((r) => ({
      recordId: r.r.id,
      instituteName: r.instituteName,
      what: r.r.nextStep || '下一步工作',
      dueOn: r.r.nextDate ?? day,
      kind: 'next_date',
    }));
}
