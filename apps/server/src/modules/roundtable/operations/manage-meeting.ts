import type { AgendaItemInput, DecisionInput, Meeting, MeetingInput } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf, type Tx } from '../../../platform/db/database.ts';
import { AppError, invalid } from '../../../platform/http/errors.ts';
import { chinaToday } from '../../pipelines/index.ts';
import { assertOffice, type RoundtableDeps } from '../roundtable.deps.ts';
import { listMeetingRows, readMeeting } from '../roundtable.queries.ts';

/** Reads a meeting after a write (or for the page), with the accepted proposals still to place. */
async function meetingOf(
  deps: RoundtableDeps,
  ctx: UserContext,
  id: string,
  write?: (tx: Tx) => Promise<void>,
) {
  const accepted = await deps.supervision.listProposals(ctx, { status: 'accepted' });
  return deps.db.transaction(ctx.scope, async (tx) => {
    await write?.(tx);
    return readMeeting(tx, ctx, id, chinaToday(deps.clock.now()), accepted);
  });
}

export const listMeetings = (deps: RoundtableDeps, ctx: UserContext) =>
  deps.db.transaction(ctx.scope, (tx) => listMeetingRows(tx));

export const getMeeting = (deps: RoundtableDeps, ctx: UserContext, id: string) => meetingOf(deps, ctx, id);

async function leaderIn(tx: Tx, ctx: UserContext, id: string) {
  const [u] = rowsOf<{ id: string }>(
    await tx.execute(sql`SELECT id FROM users WHERE id = ${id} AND role = 'leader' AND NOT is_disabled`),
  );
  if (!u) throw invalid([{ path: 'chairId', message: '主持人应为本地区领导' }], ctx.lang);
}

/** Schedules a meeting chaired by a leader of the region. */
export async function createMeeting(
  deps: RoundtableDeps,
  ctx: UserContext,
  body: MeetingInput,
): Promise<Meeting> {
  assertOffice(ctx);
  const now = deps.clock.now();
  const input = body as Required<MeetingInput>;
  const id = await deps.db.transaction(ctx.scope, async (tx) => {
    await leaderIn(tx, ctx, input.chairId);
    const [row] = rowsOf<{ id: string }>(
      await tx.execute(sql`INSERT INTO roundtable_meetings (region_code, title, held_on, starts_at, place, chair_id,
        attendees, created_at, created_by) VALUES (${ctx.user.activeRegionCode}, ${input.title}, ${input.heldOn}::date,
        ${input.startsAt}, ${input.place}, ${input.chairId}, ${JSON.stringify(input.attendees)}::jsonb,
        ${now.toISOString()}, ${ctx.user.id}) RETURNING id`),
    );
    await recordUserAction(tx, ctx, now, {
      action: 'create',
      targetType: 'roundtable_meeting',
      targetId: row?.id ?? '',
    });
    return row?.id ?? '';
  });
  return meetingOf(deps, ctx, id);
}

export async function markMeetingHeld(deps: RoundtableDeps, ctx: UserContext, id: string): Promise<Meeting> {
  assertOffice(ctx);
  return meetingOf(deps, ctx, id, async (tx) => {
    await tx.execute(sql`UPDATE roundtable_meetings SET status = 'held' WHERE id = ${id}`);
  });
}

/** Puts an item on the agenda: an accepted proposal (with its source record), or the chair office's own. */
export async function addAgendaItem(
  deps: RoundtableDeps,
  ctx: UserContext,
  id: string,
  body: AgendaItemInput,
): Promise<Meeting> {
  assertOffice(ctx);
  const accepted =
    'proposalId' in body ? await deps.supervision.listProposals(ctx, { status: 'accepted' }) : [];
  return meetingOf(deps, ctx, id, async (tx) => {
    const [m] = rowsOf<{ region_code: string; next: number }>(
      await tx.execute(sql`SELECT region_code, (SELECT coalesce(max(position), 0) + 1 FROM roundtable_items
        WHERE meeting_id = ${id})::int AS next FROM roundtable_meetings WHERE id = ${id} FOR UPDATE`),
    );
    if (!m) throw invalid([{ path: 'id', message: '会议不存在' }], ctx.lang);
    let item = {
      title: '',
      description: '',
      sourceType: null as string | null,
      sourceId: null as string | null,
      proposalId: null as string | null,
    };
    if ('proposalId' in body) {
      const p = accepted.find((x) => x.id === body.proposalId);
      if (!p) throw invalid([{ path: 'proposalId', message: '只能列入已同意的圆桌议题建议' }], ctx.lang);
      item = {
        title: p.title,
        description: p.reason,
        sourceType: p.itemType,
        sourceId: p.itemId,
        proposalId: p.id,
      };
    } else item = { ...item, title: body.title, description: body.description ?? '' };
    const inserted = rowsOf<{ id: string }>(
      await tx.execute(sql`INSERT INTO roundtable_items (region_code, meeting_id, position, title, description,
        source_type, source_id, proposal_id) VALUES (${m.region_code}, ${id}, ${m.next}, ${item.title},
        ${item.description}, ${item.sourceType}, ${item.sourceId}, ${item.proposalId})
        ON CONFLICT (proposal_id) DO NOTHING RETURNING id`),
    );
    if (inserted.length === 0) throw new AppError(409, 'PROPOSAL_PLACED', '该议题已列入会议议程');
  });
}

/** Records a decision (议定事项) under an agenda item: what, owner (person or department), deadline, proof. */
export async function addDecision(
  deps: RoundtableDeps,
  ctx: UserContext,
  params: { id: string; itemId: string },
  body: DecisionInput,
): Promise<Meeting> {
  assertOffice(ctx);
  const input = body as Required<DecisionInput>;
  const now = deps.clock.now();
  return meetingOf(deps, ctx, params.id, async (tx) => {
    const [item] = rowsOf<{ region_code: string; next: number }>(
      await tx.execute(sql`SELECT i.region_code, (SELECT coalesce(max(number), 0) + 1 FROM roundtable_decisions
        WHERE meeting_id = ${params.id})::int AS next FROM roundtable_items i
        WHERE i.id = ${params.itemId} AND i.meeting_id = ${params.id}`),
    );
    if (!item) throw invalid([{ path: 'itemId', message: '议题不存在' }], ctx.lang);
    if (input.ownerUserId) {
      const [u] = rowsOf<{ id: string }>(
        await tx.execute(sql`SELECT id FROM users WHERE id = ${input.ownerUserId}`),
      );
      if (!u) throw invalid([{ path: 'ownerUserId', message: '责任人不存在' }], ctx.lang);
    }
    const [row] = rowsOf<{ id: string }>(
      await tx.execute(sql`INSERT INTO roundtable_decisions (region_code, meeting_id, item_id, number, content,
        owner_user_id, owner_department, deadline, proof_required, stage, stage_changed_at, last_entry_on, created_at)
        VALUES (${item.region_code}, ${params.id}, ${params.itemId}, ${item.next}, ${input.content}, ${input.ownerUserId},
        ${input.ownerDepartment}, ${input.deadline}::date, ${input.proofRequired}, 'open', ${now.toISOString()},
        ${chinaToday(now)}::date, ${now.toISOString()}) RETURNING id`),
    );
    if (input.ownerUserId)
      await deps.notifier.send(
        tx,
        [
          {
            regionCode: item.region_code,
            userId: input.ownerUserId,
            kind: 'roundtable.decision',
            title: `圆桌议定事项：${input.content}`,
            body: `完成时限 ${input.deadline}`,
            link: '/roundtable/decisions',
          },
        ],
        now,
      );
    await recordUserAction(tx, ctx, now, {
      action: 'create',
      targetType: 'roundtable_decision',
      targetId: row?.id ?? '',
    });
    await deps.supervision.refreshItems(tx, 'decision', [row?.id ?? '']);
  });
}
