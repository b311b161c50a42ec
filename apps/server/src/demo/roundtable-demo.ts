import { sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../platform/db/database.ts';
import { type DemoCalendar, demoCalendar } from './demo-calendar.ts';
import { atDemoClock } from './demo-clock.ts';

const JX = '370828';

type DemoDecision = {
  content: string;
  owner?: 'jx_staff' | 'jx_helper' | 'jx_lead';
  department?: string;
  deadline: string;
  proofRequired: string;
  /** closed: [proof, closed on]; proof_submitted: [proof, sent on]; open: still to do. */
  done?: [string, string];
  stage: 'open' | 'proof_submitted' | 'closed';
};
type DemoItem = { title: string; description: string; decisions: DemoDecision[] };
type DemoMeeting = { title: string; heldOn: string; place: string; attendees: string[]; items: DemoItem[] };

const ATTENDEES = (names: string[]) =>
  names.map((name) => ({
    kind: name.endsWith('局') ? 'department' : name.includes('大学') ? 'institute' : 'enterprise',
    name,
  }));

/** Two past meetings: each with a decision done and one overdue (and one waiting for the office to accept its proof). */
const PAST: DemoMeeting[] = [
  {
    title: '2026年第三季度科技创新圆桌对话会',
    heldOn: '2026-08-20',
    place: '县政府第一会议室',
    attendees: ['县科技局', '县自然资源局', '县住建局', '山东衡兴新材料有限公司', '山东大学'],
    items: [
      {
        title: '山大—衡兴联合实验室中试车间建设',
        description: '中试车间规划许可和施工许可推进缓慢，影响年底投用。',
        decisions: [
          {
            content: '县住建局一周内完成中试车间施工图审查',
            department: '县住建局',
            deadline: '2026-08-28',
            proofRequired: '施工图审查合格书',
            stage: 'closed',
            done: ['施工图审查合格书已出具（编号 JXSC-2026-031）', '2026-08-27'],
          },
          {
            content: '县自然资源局落实中试车间配套用地 20 亩',
            department: '县自然资源局',
            deadline: '2026-10-15',
            proofRequired: '用地预审意见',
            stage: 'open',
          },
        ],
      },
    ],
  },
  {
    title: '新能源储电技术创新中心推进圆桌会',
    heldOn: '2026-10-10',
    place: '县科技局三楼会议室',
    attendees: ['县科技局', '县财政局', '县人社局', '山东鲁特电工有限公司', '大连理工大学'],
    items: [
      {
        title: '创新中心人才引进与设备补助',
        description: '首批研发人员到岗，设备补助和人才安居政策需落地。',
        decisions: [
          {
            content: '县人社局为首批 5 名研发人员办理人才认定',
            department: '县人社局',
            deadline: '2026-10-31',
            proofRequired: '人才认定名单',
            stage: 'closed',
            done: ['5 人均已认定为县级高层次人才，名单见人社局公示', '2026-10-28'],
          },
          {
            content: '帮办专员协调创新中心研发设备补助资金拨付',
            owner: 'jx_helper',
            department: '县财政局',
            deadline: '2026-11-10',
            proofRequired: '资金拨付凭证',
            stage: 'proof_submitted',
            done: ['财政局已下达拨付通知（县财〔2026〕88 号）', '2026-11-24'],
          },
          {
            content: '县科技局牵头制定创新中心年度绩效考核办法',
            owner: 'jx_staff',
            deadline: '2026-11-05',
            proofRequired: '考核办法印发文件',
            stage: 'open',
          },
        ],
      },
    ],
  },
];

type Ids = Record<'jx_staff' | 'jx_helper' | 'jx_lead' | 'jx_leader', string>;

async function idsOf(tx: Tx): Promise<Ids | null> {
  const rows = rowsOf<{ username: keyof Ids; id: string }>(
    await tx.execute(
      sql`SELECT username, id FROM users WHERE username IN ('jx_staff', 'jx_helper', 'jx_lead', 'jx_leader')`,
    ),
  );
  const ids = Object.fromEntries(rows.map((r) => [r.username, r.id])) as Ids;
  return rows.length === 4 ? ids : null;
}

async function insertMeeting(
  tx: Tx,
  cal: DemoCalendar,
  ids: Ids,
  m: DemoMeeting,
  status: 'held' | 'planned',
) {
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`INSERT INTO roundtable_meetings (region_code, title, held_on, starts_at, place, chair_id,
      attendees, status, created_at, created_by) VALUES (${JX}, ${cal.relabel(m.title)}, ${cal.ago(m.heldOn)}::date,
      '09:00', ${m.place}, ${ids.jx_leader}, ${JSON.stringify(ATTENDEES(m.attendees))}::jsonb, ${status},
      ${cal.at(cal.ago(m.heldOn), 8).toISOString()}, ${ids.jx_staff})
      RETURNING id`),
  );
  return row?.id ?? '';
}

async function insertItem(
  tx: Tx,
  meetingId: string,
  position: number,
  item: { title: string; description: string; source?: { type: string; id: string; proposalId: string } },
) {
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`INSERT INTO roundtable_items (region_code, meeting_id, position, title, description,
      source_type, source_id, proposal_id) VALUES (${JX}, ${meetingId}, ${position}, ${item.title}, ${item.description},
      ${item.source?.type ?? null}, ${item.source?.id ?? null}, ${item.source?.proposalId ?? null}) RETURNING id`),
  );
  return row?.id ?? '';
}

async function insertDecisions(
  tx: Tx,
  cal: DemoCalendar,
  ids: Ids,
  meetingId: string,
  itemId: string,
  item: DemoItem,
  heldOn: string,
) {
  const out: { id: string; d: DemoDecision }[] = [];
  for (const [i, d] of item.decisions.entries()) {
    const changed = cal.at(cal.ago(d.done?.[1] ?? heldOn), 16).toISOString();
    const [row] = rowsOf<{ id: string }>(
      await tx.execute(sql`INSERT INTO roundtable_decisions (region_code, meeting_id, item_id, number, content,
        owner_user_id, owner_department, deadline, proof_required, proof, stage, stage_changed_at, last_entry_on,
        closed_at, closed_by, created_at) VALUES (${JX}, ${meetingId}, ${itemId}, ${i + 1}, ${d.content},
        ${d.owner ? ids[d.owner] : null}, ${d.department ?? ''}, ${cal.ago(d.deadline)}::date, ${d.proofRequired},
        ${d.done?.[0] ?? ''}, ${d.stage}, ${changed}::timestamptz, ${cal.ago(d.done?.[1] ?? heldOn)}::date,
        ${d.stage === 'closed' ? changed : null}::timestamptz, ${d.stage === 'closed' ? ids.jx_staff : null},
        ${cal.at(cal.ago(heldOn), 12).toISOString()}::timestamptz) RETURNING id`),
    );
    if (row) out.push({ id: row.id, d });
  }
  return out;
}

/**
 * Puts a red item on the round-table as the lights job and a leader would have: its red light since
 * `since` and an accepted proposal for that episode (the job keeps `since` while the item stays red,
 * so it will not propose the item again).
 */
async function acceptedProposal(
  tx: Tx,
  cal: DemoCalendar,
  leaderId: string,
  item: { type: string; id: string; title: string; reason: string; since: string },
) {
  const since = cal.at(cal.ago(item.since), 2);
  await tx.execute(sql`INSERT INTO supervision_lights (item_type, item_id, region_code, light, reasons, since, checked_at)
    VALUES (${item.type}, ${item.id}, ${JX}, 'red', ${JSON.stringify([{ code: 'milestone_overdue', light: 'red', days: 15, message: item.reason }])}::jsonb,
      ${since.toISOString()}, ${since.toISOString()})
    ON CONFLICT (item_type, item_id) DO UPDATE SET light = 'red', since = excluded.since, reasons = excluded.reasons`);
  const decided = cal.at(cal.ago('2026-11-25'), 15);
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`INSERT INTO supervision_agenda_proposals (region_code, item_type, item_id, title, reason, period,
      status, proposed_at, decided_by, decided_at, decision_note) VALUES (${JX}, ${item.type}, ${item.id}, ${item.title},
      ${item.reason}, ${since.toISOString()}, 'accepted', ${cal.at(cal.ago('2026-11-24'), 2).toISOString()}, ${leaderId},
      ${decided.toISOString()}, '列入下次圆桌对话会') RETURNING id`),
  );
  return row?.id ?? '';
}

/**
 * Round-table meetings (圆桌对话): two held ones with decisions done, overdue and waiting for the
 * office to accept the proof; one upcoming, its agenda built from accepted proposals (the long-red
 * request of 鲁特电工's subsidy) and the chair's office's own item; the first meeting's overdue land
 * decision is accepted for a round-table and still waits for a meeting. Idempotent.
 */
export async function loadRoundtableDemo(db: Database, clock: Clock): Promise<void> {
  const cal = demoCalendar(clock);
  await db.owner.transaction(async (tx) => {
    await atDemoClock(tx, clock);
    const [done] = rowsOf<{ id: string }>(
      await tx.execute(sql`SELECT id FROM roundtable_meetings WHERE region_code = ${JX} LIMIT 1`),
    );
    const ids = await idsOf(tx);
    if (done || !ids) return;
    const overdue: { id: string; d: DemoDecision }[] = [];
    for (const m of PAST) {
      const meetingId = await insertMeeting(tx, cal, ids, m, 'held');
      for (const [i, item] of m.items.entries()) {
        const itemId = await insertItem(tx, meetingId, i + 1, item);
        const decisions = await insertDecisions(tx, cal, ids, meetingId, itemId, item, m.heldOn);
        overdue.push(...decisions.filter((x) => x.d.stage === 'open'));
      }
    }
    const land = overdue[0];
    if (land)
      await acceptedProposal(tx, cal, ids.jx_leader, {
        type: 'decision',
        id: land.id,
        title: land.d.content,
        reason: `议定事项已逾期（完成时限 ${cal.ago(land.d.deadline)}），仍未办结`,
        since: '2026-10-30',
      });
    const [request] = rowsOf<{ id: string; title: string }>(
      await tx.execute(
        sql`SELECT id, title FROM service_requests WHERE region_code = ${JX} AND number = 'SQ370828-D0005'`,
      ),
    );
    const upcoming: DemoMeeting = {
      title: '2026年第四季度科技创新圆桌对话会',
      heldOn: '2026-12-08',
      place: '县政府第一会议室',
      attendees: ['县科技局', '县财政局', '县自然资源局', '山东鲁特电工有限公司', '山东衡兴新材料有限公司'],
      items: [],
    };
    const meetingId = await insertMeeting(tx, cal, ids, upcoming, 'planned');
    if (request) {
      const reason = '诉求办结时限已过，红灯超过 14 天';
      const proposalId = await acceptedProposal(tx, cal, ids.jx_leader, {
        type: 'service_request',
        ...request,
        reason,
        since: '2026-10-01',
      });
      await insertItem(tx, meetingId, 1, {
        title: request.title,
        description: reason,
        source: { type: 'service_request', id: request.id, proposalId },
      });
    }
    await insertItem(tx, meetingId, 2, {
      title: '第三季度议定事项落实情况通报',
      description: '主持方添加：逐项通报上次会议议定事项。',
    });
  });
}
