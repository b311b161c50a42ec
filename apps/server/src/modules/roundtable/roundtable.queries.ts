import type { AgendaProposal, Decision, Meeting, MeetingSummary } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { UserContext } from '../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';

type DecisionRow = {
  id: string;
  meeting_id: string;
  meeting_title: string;
  item_id: string;
  item_title: string;
  number: number;
  content: string;
  owner_user_id: string | null;
  owner_name: string | null;
  owner_department: string;
  deadline: string;
  proof_required: string;
  proof: string;
  stage: string;
  sub_stage: string | null;
  closed_at: string | Date | null;
  is_overdue: boolean;
  light: string | null;
};

/** Decisions with their meeting, item, owner and light; `where` over alias d (m: meeting, i: item). */
export async function selectDecisions(
  tx: Tx,
  where: SQL,
  today: string,
  order: SQL = sql`ORDER BY d.deadline, d.number`,
) {
  const rows = rowsOf<DecisionRow>(
    await tx.execute(sql`SELECT d.id, d.meeting_id, m.title AS meeting_title, d.item_id, i.title AS item_title, d.number,
      d.content, d.owner_user_id, u.display_name AS owner_name, d.owner_department, d.deadline::text AS deadline,
      d.proof_required, d.proof, d.stage, d.sub_stage, d.closed_at,
      (d.stage IN ('open', 'proof_submitted') AND d.deadline < ${today}::date) AS is_overdue,
      CASE WHEN d.stage IN ('open', 'proof_submitted') THEN l.light ELSE 'none' END AS light
      FROM roundtable_decisions d JOIN roundtable_meetings m ON m.id = d.meeting_id
      JOIN roundtable_items i ON i.id = d.item_id LEFT JOIN users u ON u.id = d.owner_user_id
      LEFT JOIN supervision_lights l ON l.item_type = 'decision' AND l.item_id = d.id
      WHERE ${where} ${order}`),
  );
  return rows.map(
    (r): Decision => ({
      id: r.id,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      itemId: r.item_id,
      itemTitle: r.item_title,
      number: r.number,
      content: r.content,
      ownerUserId: r.owner_user_id,
      ownerName: r.owner_name ?? '',
      ownerDepartment: r.owner_department,
      deadline: r.deadline,
      proofRequired: r.proof_required,
      proof: r.proof,
      stage: r.stage as Decision['stage'],
      subStage: r.sub_stage,
      closedAt: r.closed_at === null ? null : new Date(r.closed_at).toISOString(),
      isOverdue: r.is_overdue,
      light: (r.light ?? 'none') as Decision['light'],
    }),
  );
}

const summaryColumns = sql`m.id, m.title, m.held_on::text AS held_on, m.starts_at, m.place, m.chair_id,
  c.display_name AS chair_name, m.status, m.attendees,
  (SELECT count(*)::int FROM roundtable_items i WHERE i.meeting_id = m.id) AS items,
  (SELECT count(*)::int FROM roundtable_decisions d WHERE d.meeting_id = m.id AND d.stage IN ('open', 'proof_submitted')) AS open_decisions`;

type MeetingRow = {
  id: string;
  title: string;
  held_on: string;
  starts_at: string;
  place: string;
  chair_id: string;
  chair_name: string | null;
  status: string;
  attendees: Meeting['attendees'];
  items: number;
  open_decisions: number;
};

const toSummary = (r: MeetingRow): MeetingSummary => ({
  id: r.id,
  title: r.title,
  heldOn: r.held_on,
  startsAt: r.starts_at,
  place: r.place,
  chairId: r.chair_id,
  chairName: r.chair_name ?? '',
  status: r.status as MeetingSummary['status'],
  items: r.items,
  openDecisions: r.open_decisions,
});

export async function listMeetingRows(tx: Tx): Promise<MeetingSummary[]> {
  const rows = rowsOf<MeetingRow>(
    await tx.execute(sql`SELECT ${summaryColumns} FROM roundtable_meetings m LEFT JOIN users c ON c.id = m.chair_id
      ORDER BY m.held_on DESC, m.id LIMIT 200`),
  );
  return rows.map(toSummary);
}

const LINKS: Record<string, (id: string) => string> = {
  recruitment: (id) => `/recruitment/${id}`,
  project: (id) => `/projects/${id}`,
  service_request: (id) => `/concierge/${id}`,
  decision: () => '/roundtable/decisions',
};

/** One meeting with its agenda and decisions; `available` are the accepted proposals on no agenda yet. */
export async function readMeeting(
  tx: Tx,
  ctx: UserContext,
  id: string,
  today: string,
  accepted: AgendaProposal[],
): Promise<Meeting> {
  const [m] = rowsOf<MeetingRow>(
    await tx.execute(sql`SELECT ${summaryColumns} FROM roundtable_meetings m LEFT JOIN users c ON c.id = m.chair_id
      WHERE m.id = ${id}`),
  );
  if (!m) throw notFound(ctx.lang);
  const items = rowsOf<{
    id: string;
    position: number;
    title: string;
    description: string;
    source_type: string | null;
    source_id: string | null;
    proposal_id: string | null;
  }>(
    await tx.execute(sql`SELECT id, position, title, description, source_type, source_id, proposal_id
      FROM roundtable_items WHERE meeting_id = ${id} ORDER BY position`),
  );
  const decisions = await selectDecisions(tx, sql`d.meeting_id = ${id}`, today, sql`ORDER BY d.number`);
  const used = new Set(
    rowsOf<{ proposal_id: string }>(
      await tx.execute(sql`SELECT proposal_id FROM roundtable_items WHERE proposal_id IS NOT NULL`),
    ).map((r) => r.proposal_id),
  );
  return {
    ...toSummary(m),
    attendees: m.attendees,
    agenda: items.map((i) => ({
      id: i.id,
      position: i.position,
      title: i.title,
      description: i.description,
      sourceType: i.source_type as Meeting['agenda'][number]['sourceType'],
      sourceId: i.source_id,
      sourceLink: i.source_type && i.source_id ? (LINKS[i.source_type]?.(i.source_id) ?? null) : null,
      proposalId: i.proposal_id,
      decisions: decisions.filter((d) => d.itemId === i.id),
    })),
    availableProposals: accepted.filter((p) => !used.has(p.id)),
  };
}
