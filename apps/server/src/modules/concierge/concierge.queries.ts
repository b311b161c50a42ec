import type {
  Light,
  LightReason,
  ServiceRequest,
  ServiceRequestListQuery,
  ServiceRequestPage,
  ServiceRequestSummary,
} from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../../platform/auth/context.ts';
import type { DataBox } from '../../platform/crypto/index.ts';
import { rowsOf, type Tx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';

export const PHONE_AAD = 'service_requests.phone';

type Row = {
  id: string;
  region_code: string;
  number: string;
  title: string;
  kind: string;
  channel: string;
  is_green_channel: boolean;
  stage: string;
  sub_stage: string | null;
  requester_name: string;
  requester_user_id: string | null;
  phone_masked: string;
  phone_enc: string | null;
  helper_id: string | null;
  helper_name: string | null;
  subject_name: string;
  accept_due_on: string | null;
  resolve_due_on: string | null;
  is_overdue: boolean;
  created_at: string | Date;
  light: string | null;
};

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** Overdue: not accepted by its accept day, or not resolved by its resolve day (China today). */
export const overdueSql = (today: string) => sql`(
  (r.stage = 'submitted' AND r.accept_due_on < ${today}::date)
  OR (r.stage IN ('accepted', 'in_progress') AND r.resolve_due_on < ${today}::date))`;

const columns = (today: string) => sql`
  r.id, r.region_code, r.number, r.title, r.kind, r.channel, r.is_green_channel, r.stage, r.sub_stage,
  r.requester_name, r.requester_user_id, r.phone_masked, r.phone_enc, r.helper_id, h.display_name AS helper_name,
  r.subject_name, r.accept_due_on::text AS accept_due_on, r.resolve_due_on::text AS resolve_due_on,
  ${overdueSql(today)} AS is_overdue, r.created_at,
  CASE WHEN r.stage IN ('submitted', 'accepted', 'in_progress') THEN l.light ELSE 'none' END AS light`;

const joins = sql`
  FROM service_requests r
  LEFT JOIN users h ON h.id = r.helper_id
  LEFT JOIN supervision_lights l ON l.item_type = 'service_request' AND l.item_id = r.id`;

/** Who sees the phone in full: the requester and the request's helper; everyone else the mask. */
export function phoneFor(
  row: Pick<Row, 'phone_enc' | 'phone_masked' | 'requester_user_id' | 'helper_id'>,
  ctx: UserContext,
  box: DataBox,
) {
  const owns = ctx.user.id === row.requester_user_id || ctx.user.id === row.helper_id;
  if (!owns || !row.phone_enc) return row.phone_masked;
  try {
    return box.decrypt(row.phone_enc, PHONE_AAD);
  } catch {
    return row.phone_masked;
  }
}

function toSummary(r: Row, ctx: UserContext, box: DataBox): ServiceRequestSummary {
  return {
    id: r.id,
    regionCode: r.region_code,
    number: r.number,
    title: r.title,
    kind: r.kind as ServiceRequestSummary['kind'],
    channel: r.channel as ServiceRequestSummary['channel'],
    isGreenChannel: r.is_green_channel,
    stage: r.stage as ServiceRequestSummary['stage'],
    subStage: r.sub_stage,
    requesterName: r.requester_name,
    contactPhone: phoneFor(r, ctx, box),
    helperId: r.helper_id,
    helperName: r.helper_name,
    subjectName: r.subject_name,
    acceptDueOn: r.accept_due_on,
    resolveDueOn: r.resolve_due_on,
    isOverdue: r.is_overdue,
    createdAt: iso(r.created_at) ?? '',
    light: (r.light ?? 'none') as Light,
  };
}

/** The list: all visible, the caller's own, overdue (most overdue first) or not yet assigned. */
export async function listRequests(
  tx: Tx,
  ctx: UserContext,
  box: DataBox,
  query: z.output<typeof ServiceRequestListQuery>,
  today: string,
): Promise<ServiceRequestPage> {
  const where: SQL[] = [];
  if (query.stage) where.push(sql`r.stage = ${query.stage}`);
  if (query.kind) where.push(sql`r.kind = ${query.kind}`);
  if (query.view === 'mine') {
    where.push(
      ctx.user.role === 'helper'
        ? sql`r.helper_id = ${ctx.user.id}`
        : sql`(r.helper_id = ${ctx.user.id} OR r.requester_user_id = ${ctx.user.id} OR r.created_by = ${ctx.user.id})`,
    );
  }
  if (query.view === 'overdue') where.push(overdueSql(today));
  if (query.view === 'unassigned')
    where.push(sql`r.helper_id IS NULL AND r.stage IN ('submitted', 'accepted', 'in_progress')`);
  const condition = where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const order =
    query.view === 'overdue'
      ? sql`ORDER BY coalesce(CASE WHEN r.stage = 'submitted' THEN r.accept_due_on ELSE r.resolve_due_on END, r.created_at::date), r.id`
      : sql`ORDER BY r.created_at DESC, r.id`;
  const offset = (query.page - 1) * query.pageSize;
  const rows = rowsOf<Row>(
    await tx.execute(
      sql`SELECT ${columns(today)} ${joins} ${condition} ${order} LIMIT ${query.pageSize} OFFSET ${offset}`,
    ),
  );
  const [count] = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT count(*)::int AS n FROM service_requests r ${condition}`),
  );
  return {
    items: rows.map((r) => toSummary(r, ctx, box)),
    total: count?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type DetailRow = Row & {
  description: string;
  subject_type: string;
  subject_id: string | null;
  resolution: string;
  return_reason: string;
  rating: number | null;
  rating_comment: string;
  accepted_at: string | Date | null;
  resolved_at: string | Date | null;
  reasons: LightReason[] | null;
  since: string | Date | null;
};

/** A request's timeline, transfers (with the people's names) and hand-offs to departments, oldest first. */
async function readRequestHistory(tx: Tx, id: string) {
  const timeline = rowsOf<{ id: string; kind: string; text: string; at: string | Date; actor_name: string }>(
    await tx.execute(sql`SELECT id, kind, text, at, actor_name FROM service_request_entries
      WHERE request_id = ${id} ORDER BY at, id`),
  );
  const transfers = rowsOf<{
    id: string;
    to_helper_id: string;
    to_name: string | null;
    reason: string;
    status: string;
    by_name: string | null;
    requested_at: string | Date;
    decided_name: string | null;
    decision_note: string;
  }>(
    await tx.execute(sql`SELECT t.id, t.to_helper_id, u.display_name AS to_name, t.reason, t.status,
      b.display_name AS by_name, t.requested_at, d.display_name AS decided_name, t.decision_note
      FROM service_transfers t LEFT JOIN users u ON u.id = t.to_helper_id
      LEFT JOIN users b ON b.id = t.requested_by LEFT JOIN users d ON d.id = t.decided_by
      WHERE t.request_id = ${id} ORDER BY t.requested_at`),
  );
  const handoffs = rowsOf<{
    id: string;
    department: string;
    sent_on: string;
    question: string;
    answer: string;
    answered_on: string | null;
  }>(
    await tx.execute(sql`SELECT id, department, sent_on::text AS sent_on, question, answer,
      answered_on::text AS answered_on FROM service_handoffs WHERE request_id = ${id} ORDER BY sent_on, id`),
  );
  return { timeline, transfers, handoffs };
}

/** One request with its timeline, transfers and hand-offs; not found when row-level security hides it. */
export async function readRequest(
  tx: Tx,
  ctx: UserContext,
  box: DataBox,
  id: string,
  today: string,
): Promise<ServiceRequest> {
  const [r] = rowsOf<DetailRow>(
    await tx.execute(sql`SELECT ${columns(today)}, r.description, r.subject_type, r.subject_id, r.resolution,
      r.return_reason, r.rating, r.rating_comment, r.accepted_at, r.resolved_at, l.reasons, l.since
      ${joins} WHERE r.id = ${id}`),
  );
  if (!r) throw notFound(ctx.lang);
  const { timeline, transfers, handoffs } = await readRequestHistory(tx, id);
  const summary = toSummary(r, ctx, box);
  return {
    ...summary,
    description: r.description,
    subjectType: r.subject_type as ServiceRequest['subjectType'],
    subjectId: r.subject_id,
    resolution: r.resolution,
    returnReason: r.return_reason,
    rating: r.rating,
    ratingComment: r.rating_comment,
    acceptedAt: iso(r.accepted_at),
    resolvedAt: iso(r.resolved_at),
    isRequester: r.requester_user_id === ctx.user.id,
    lightState: { light: summary.light, reasons: r.reasons ?? [], since: iso(r.since) },
    timeline: timeline.map((t) => ({
      id: t.id,
      kind: t.kind as ServiceRequest['timeline'][number]['kind'],
      text: t.text,
      at: iso(t.at) ?? '',
      actorName: t.actor_name,
    })),
    transfers: transfers.map((t) => ({
      id: t.id,
      toHelperId: t.to_helper_id,
      toHelperName: t.to_name ?? '',
      reason: t.reason,
      status: t.status as ServiceRequest['transfers'][number]['status'],
      requestedByName: t.by_name ?? '',
      requestedAt: iso(t.requested_at) ?? '',
      decidedByName: t.decided_name,
      decisionNote: t.decision_note,
    })),
    handoffs: handoffs.map((h) => ({
      id: h.id,
      department: h.department,
      sentOn: h.sent_on,
      question: h.question,
      answer: h.answer,
      answeredOn: h.answered_on,
    })),
  };
}

/** Appends a timeline entry and marks the day as progress. */
export async function addEntry(
  tx: Tx,
  ctx: UserContext,
  request: { id: string; regionCode: string },
  entry: { kind: string; text: string; at: Date; today: string },
) {
  await tx.execute(sql`INSERT INTO service_request_entries (region_code, request_id, kind, text, at, actor_id, actor_name)
    VALUES (${request.regionCode}, ${request.id}, ${entry.kind}, ${entry.text}, ${entry.at.toISOString()}, ${ctx.user.id}, ${ctx.user.displayName})`);
  await tx.execute(
    sql`UPDATE service_requests SET last_entry_on = ${entry.today}::date WHERE id = ${request.id}`,
  );
}

/** The row a write works on, locked; not found when invisible. */
export type LockedRequest = {
  id: string;
  regionCode: string;
  stage: ServiceRequest['stage'];
  subStage: string | null;
  helperId: string | null;
  requesterUserId: string | null;
  kind: ServiceRequest['kind'];
  isGreenChannel: boolean;
  title: string;
  number: string;
};

export async function lockRequest(tx: Tx, ctx: UserContext, id: string): Promise<LockedRequest> {
  const [r] = rowsOf<{
    id: string;
    region_code: string;
    stage: string;
    sub_stage: string | null;
    helper_id: string | null;
    requester_user_id: string | null;
    kind: string;
    is_green_channel: boolean;
    title: string;
    number: string;
  }>(
    await tx.execute(sql`SELECT id, region_code, stage, sub_stage, helper_id, requester_user_id, kind,
      is_green_channel, title, number FROM service_requests WHERE id = ${id} FOR UPDATE`),
  );
  if (!r) throw notFound(ctx.lang);
  return {
    id: r.id,
    regionCode: r.region_code,
    stage: r.stage as LockedRequest['stage'],
    subStage: r.sub_stage,
    helperId: r.helper_id,
    requesterUserId: r.requester_user_id,
    kind: r.kind as LockedRequest['kind'],
    isGreenChannel: r.is_green_channel,
    title: r.title,
    number: r.number,
  };
}
