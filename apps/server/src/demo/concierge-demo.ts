import { sql } from 'drizzle-orm';
import { addWorkingDays } from '../modules/concierge/index.ts';
import type { Clock } from '../platform/clock.ts';
import { type Database, rowsOf, type Tx } from '../platform/db/database.ts';
import { type DemoCalendar, demoCalendar } from './demo-calendar.ts';
import { atDemoClock } from './demo-clock.ts';

const JX = '370828';
const HENGXING = '山东衡兴新材料有限公司';
const NO_CALENDAR = new Map<string, boolean>();

type Entry = { on: string; kind: string; text: string; by: 'helper' | 'lead' | 'requester' | 'staff' };
/** A demo request, its dates written in the story's year (kept at their distance from today). */
type DemoRequest = {
  n: number;
  title: string;
  description: string;
  kind: string;
  stage: string;
  raisedOn: string;
  channel: 'portal' | 'staff' | 'station';
  requester?: string;
  helper: boolean;
  isGreenChannel?: boolean;
  entries: Entry[];
  resolution?: string;
  returnReason?: string;
  rating?: [number, string];
  handoffs?: { department: string; sentOn: string; question: string; answer?: [string, string] }[];
  transfer?: string;
};

/** One request in every stage of the pipeline, a long-red one, a hand-off, a transfer waiting for the lead. */
const REQUESTS: DemoRequest[] = [
  {
    n: 1,
    title: '中试车间环评批复进度咨询',
    description: '绿色合成中试车间环评材料已报送，想了解审批进度和还需补充的材料。',
    kind: 'approvals',
    stage: 'submitted',
    raisedOn: '2026-11-27',
    channel: 'portal',
    helper: true,
    entries: [
      { on: '2026-11-27', kind: 'created', text: '提交诉求，自动分派给项目帮办专员', by: 'requester' },
    ],
  },
  {
    n: 2,
    title: '高新技术企业认定政策辅导',
    description: '企业计划明年申报高新技术企业，希望安排一次政策辅导。',
    kind: 'policy',
    stage: 'submitted',
    raisedOn: '2026-11-26',
    channel: 'staff',
    requester: '金乡县华光食品有限公司',
    helper: false,
    entries: [{ on: '2026-11-26', kind: 'created', text: '提交诉求，待分派帮办专员', by: 'staff' }],
  },
  {
    n: 3,
    title: '联合实验室进口设备通关协调',
    description: '山大—衡兴联合实验室一台进口核磁共振设备到港，需协调报关与免税手续。',
    kind: 'equipment',
    stage: 'accepted',
    raisedOn: '2026-11-20',
    channel: 'portal',
    helper: true,
    isGreenChannel: true,
    entries: [
      { on: '2026-11-20', kind: 'created', text: '提交诉求，自动分派给项目帮办专员', by: 'requester' },
      { on: '2026-11-21', kind: 'stage', text: '已提交 → 已受理', by: 'helper' },
    ],
  },
  {
    n: 4,
    title: '新材料产业园二期用地指标',
    description: '二期项目需新增工业用地约 60 亩，请协调用地指标和规划条件。',
    kind: 'land',
    stage: 'in_progress',
    raisedOn: '2026-11-02',
    channel: 'portal',
    helper: true,
    entries: [
      { on: '2026-11-02', kind: 'created', text: '提交诉求，自动分派给项目帮办专员', by: 'requester' },
      { on: '2026-11-03', kind: 'stage', text: '已提交 → 已受理', by: 'helper' },
      { on: '2026-11-05', kind: 'stage', text: '已受理 → 办理中', by: 'helper' },
      { on: '2026-11-06', kind: 'handoff_sent', text: '转 县自然资源局 协办', by: 'helper' },
      { on: '2026-11-18', kind: 'handoff_answered', text: '县自然资源局 答复', by: 'helper' },
      { on: '2026-11-19', kind: 'handoff_sent', text: '转 县住建局 协办', by: 'helper' },
    ],
    handoffs: [
      {
        department: '县自然资源局',
        sentOn: '2026-11-06',
        question: '核实二期地块用地指标和规划条件',
        answer: ['地块已纳入年度供地计划，规划条件 12 月出具', '2026-11-18'],
      },
      { department: '县住建局', sentOn: '2026-11-19', question: '施工许可前置条件确认' },
    ],
  },
  {
    n: 5,
    title: '储能项目研发设备补助资金拨付',
    description: '新能源储电技术创新中心设备补助已公示，资金尚未拨付。',
    kind: 'funding',
    stage: 'in_progress',
    raisedOn: '2026-09-01',
    channel: 'staff',
    requester: '山东鲁特电工有限公司',
    helper: true,
    entries: [
      { on: '2026-09-01', kind: 'created', text: '提交诉求，自动分派给项目帮办专员', by: 'staff' },
      { on: '2026-09-02', kind: 'stage', text: '已提交 → 已受理', by: 'helper' },
      { on: '2026-09-10', kind: 'stage', text: '已受理 → 办理中', by: 'helper' },
    ],
  },
  {
    n: 6,
    title: '研发人员子女入学',
    description: '引进的两名博士子女今年秋季需就近入学。',
    kind: 'schooling',
    stage: 'resolved',
    raisedOn: '2026-10-20',
    channel: 'portal',
    helper: true,
    resolution: '已协调县实验小学接收两名学生入学，家长已办理手续。',
    entries: [
      { on: '2026-10-20', kind: 'created', text: '提交诉求，自动分派给项目帮办专员', by: 'requester' },
      { on: '2026-10-21', kind: 'stage', text: '已提交 → 已受理', by: 'helper' },
      { on: '2026-10-28', kind: 'stage', text: '已受理 → 已办结', by: 'helper' },
    ],
  },
  {
    n: 7,
    title: '人才公寓申请',
    description: '联合实验室新到岗研究员 3 人申请人才公寓。',
    kind: 'housing',
    stage: 'rated',
    raisedOn: '2026-09-15',
    channel: 'portal',
    helper: true,
    resolution: '已安排人才公寓 3 套，钥匙已交付。',
    rating: [5, '办理很快，专员全程帮办。'],
    entries: [
      { on: '2026-09-15', kind: 'created', text: '提交诉求，自动分派给项目帮办专员', by: 'requester' },
      { on: '2026-09-16', kind: 'stage', text: '已提交 → 已受理', by: 'helper' },
      { on: '2026-09-22', kind: 'stage', text: '已受理 → 已办结', by: 'helper' },
      { on: '2026-09-23', kind: 'stage', text: '已办结 → 已评价（5 分）', by: 'requester' },
    ],
  },
  {
    n: 8,
    title: '外省科技项目申报咨询',
    description: '咨询能否以本企业名义申报外省科技计划项目。',
    kind: 'policy',
    stage: 'returned',
    raisedOn: '2026-10-08',
    channel: 'portal',
    helper: true,
    returnReason: '不属于本县帮办事项，已告知向项目所在省科技厅咨询。',
    entries: [
      { on: '2026-10-08', kind: 'created', text: '提交诉求，自动分派给项目帮办专员', by: 'requester' },
      { on: '2026-10-09', kind: 'stage', text: '已提交 → 已退回', by: 'helper' },
    ],
  },
  {
    n: 9,
    title: '配偶就业推荐',
    description: '引进人才配偶希望在县内医疗机构就业。',
    kind: 'spouse_job',
    stage: 'withdrawn',
    raisedOn: '2026-10-12',
    channel: 'station',
    requester: '陈女士',
    helper: true,
    entries: [
      { on: '2026-10-12', kind: 'created', text: '驿站提交诉求', by: 'staff' },
      { on: '2026-10-15', kind: 'stage', text: '已提交 → 已撤回', by: 'helper' },
    ],
  },
  {
    n: 10,
    title: '天然气管道接入',
    description: '二期车间需接入天然气管道，燃气公司排期较晚。',
    kind: 'other',
    stage: 'in_progress',
    raisedOn: '2026-11-10',
    channel: 'portal',
    helper: true,
    transfer: '燃气接入由负责能源保障的专员更熟悉，申请转办。',
    entries: [
      { on: '2026-11-10', kind: 'created', text: '提交诉求，自动分派给项目帮办专员', by: 'requester' },
      { on: '2026-11-11', kind: 'stage', text: '已提交 → 已受理', by: 'helper' },
      { on: '2026-11-12', kind: 'stage', text: '已受理 → 办理中', by: 'helper' },
      { on: '2026-11-25', kind: 'transfer_requested', text: '申请转办给 孙浩', by: 'helper' },
    ],
  },
];

type People = {
  helper: string;
  other: string;
  lead: string;
  staff: string;
  requester: string;
  enterpriseId: string | null;
};

async function peopleOf(tx: Tx): Promise<People | null> {
  const [p] = rowsOf<People>(
    await tx.execute(sql`SELECT
      (SELECT id FROM users WHERE username = 'jx_helper') AS helper,
      (SELECT id FROM users WHERE username = 'jx_sunhao') AS other,
      (SELECT id FROM users WHERE username = 'jx_lead') AS lead,
      (SELECT id FROM users WHERE username = 'jx_staff') AS staff,
      (SELECT id FROM users WHERE username = 'hengxing') AS requester,
      (SELECT id FROM enterprises WHERE name = ${HENGXING} LIMIT 1) AS "enterpriseId"`),
  );
  return p?.helper && p.other && p.lead && p.staff && p.requester ? p : null;
}

async function insertRequest(tx: Tx, cal: DemoCalendar, who: People, r: DemoRequest) {
  const raised = cal.ago(r.raisedOn);
  const isPortal = r.channel === 'portal';
  const last = cal.ago(r.entries.at(-1)?.on ?? r.raisedOn);
  // The default terms (DEFAULT_TIME_LIMIT): 2 and 10 working days, 1 and 5 on the green channel.
  const [acceptDays, resolveDays] = r.isGreenChannel ? [1, 5] : [2, 10];
  const at = (on: string) => cal.at(cal.ago(on), 10).toISOString();
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`INSERT INTO service_requests (region_code, number, title, description, kind, channel,
      is_green_channel, stage, subject_type, subject_name, requester_user_id, requester_name, enterprise_id,
      helper_id, assigned_by, accept_due_on, resolve_due_on, accepted_at, resolved_at, resolution, return_reason,
      rating, rating_comment, last_entry_on, idempotency_key, stage_changed_at, created_at, created_by)
    VALUES (${JX}, ${`SQ370828-D${String(r.n).padStart(4, '0')}`}, ${r.title}, ${r.description}, ${r.kind},
      ${r.channel}, ${r.isGreenChannel ?? false}, ${r.stage}, ${isPortal ? 'enterprise' : 'none'},
      ${isPortal ? HENGXING : ''}, ${isPortal ? who.requester : null}, ${isPortal ? '赵衡' : (r.requester ?? '')},
      ${isPortal ? who.enterpriseId : null}, ${r.helper ? who.helper : null}, ${r.helper ? who.lead : null},
      ${addWorkingDays(raised, acceptDays, NO_CALENDAR)}::date,
      ${addWorkingDays(raised, resolveDays, NO_CALENDAR)}::date,
      ${r.entries[1] ? at(r.entries[1].on) : null}::timestamptz,
      ${r.resolution ? at(r.entries[r.rating ? r.entries.length - 2 : r.entries.length - 1]?.on ?? r.raisedOn) : null}::timestamptz,
      ${r.resolution ?? ''}, ${r.returnReason ?? ''}, ${r.rating?.[0] ?? null}, ${r.rating?.[1] ?? ''},
      ${last}::date, gen_random_uuid(), ${at(r.entries.at(-1)?.on ?? r.raisedOn)}::timestamptz,
      ${at(r.raisedOn)}::timestamptz, ${isPortal ? who.requester : who.staff})
    RETURNING id`),
  );
  if (!row) return;
  const names = { helper: ['王芳', who.helper], lead: ['李强', who.lead], staff: ['张敏', who.staff] };
  for (const e of r.entries) {
    const [name, id] = e.by === 'requester' ? ['赵衡', who.requester] : names[e.by];
    await tx.execute(sql`INSERT INTO service_request_entries (region_code, request_id, kind, text, at, actor_id, actor_name)
      VALUES (${JX}, ${row.id}, ${e.kind}, ${e.text}, ${at(e.on)}::timestamptz, ${id}, ${name})`);
  }
  for (const h of r.handoffs ?? [])
    await tx.execute(sql`INSERT INTO service_handoffs (region_code, request_id, department, sent_on, question,
      answer, answered_on, created_by) VALUES (${JX}, ${row.id}, ${h.department}, ${cal.ago(h.sentOn)}::date,
      ${h.question}, ${h.answer?.[0] ?? ''}, ${h.answer ? cal.ago(h.answer[1]) : null}::date, ${who.helper})`);
  if (r.transfer)
    await tx.execute(sql`INSERT INTO service_transfers (region_code, request_id, from_helper_id, to_helper_id, reason,
      status, requested_by, requested_at) VALUES (${JX}, ${row.id}, ${who.helper}, ${who.other}, ${r.transfer},
      'pending', ${who.helper}, ${at(r.entries.at(-1)?.on ?? r.raisedOn)}::timestamptz)`);
}

/**
 * Service requests (帮办诉求) of 衡兴新材料 and others in every stage: waiting in the dispatcher's
 * queue, accepted on the green channel, in progress with department hand-offs, long overdue (red,
 * on the round-table), resolved, rated, returned, withdrawn, and one waiting for a transfer.
 * Idempotent (numbers SQ370828-D…).
 */
export async function loadConciergeDemo(db: Database, clock: Clock): Promise<void> {
  const cal = demoCalendar(clock);
  await db.owner.transaction(async (tx) => {
    await atDemoClock(tx, clock);
    const [done] = rowsOf<{ id: string }>(
      await tx.execute(
        sql`SELECT id FROM service_requests WHERE region_code = ${JX} AND number = 'SQ370828-D0001'`,
      ),
    );
    const who = await peopleOf(tx);
    if (done || !who) return;
    for (const r of REQUESTS) await insertRequest(tx, cal, who, r);
  });
}
