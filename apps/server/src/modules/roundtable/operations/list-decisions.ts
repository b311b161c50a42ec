import type { Decision, RoundtableHistoryEntry } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { UserContext } from '../../../platform/auth/context.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { chinaToday } from '../../pipelines/index.ts';
import type { RoundtableDeps } from '../roundtable.deps.ts';
import { selectDecisions } from '../roundtable.queries.ts';

/** Decisions to follow: open ones, overdue ones (the leader's list), the caller's own, or all. */
export function listDecisions(
  deps: RoundtableDeps,
  ctx: UserContext,
  query: { view: 'open' | 'overdue' | 'mine' | 'all' },
): Promise<Decision[]> {
  const today = chinaToday(deps.clock.now());
  const open = sql`d.stage IN ('open', 'proof_submitted')`;
  const where = {
    open,
    overdue: sql`${open} AND d.deadline < ${today}::date`,
    mine: sql`d.owner_user_id = ${ctx.user.id}`,
    all: sql`true`,
  }[query.view];
  return deps.db.transaction(ctx.scope, (tx) =>
    selectDecisions(tx, where, today, sql`ORDER BY d.deadline, d.number LIMIT 500`),
  );
}

/** A source record's round-table history: each meeting that discussed it and what was decided. */
export function roundtableHistory(
  deps: RoundtableDeps,
  ctx: UserContext,
  query: { itemType: string; itemId: string },
): Promise<RoundtableHistoryEntry[]> {
  const today = chinaToday(deps.clock.now());
  return deps.db.transaction(ctx.scope, async (tx) => {
    const items = rowsOf<{
      id: string;
      title: string;
      meeting_id: string;
      meeting_title: string;
      held_on: string;
    }>(
      await tx.execute(sql`SELECT i.id, i.title, m.id AS meeting_id, m.title AS meeting_title, m.held_on::text AS held_on
        FROM roundtable_items i JOIN roundtable_meetings m ON m.id = i.meeting_id
        WHERE i.source_type = ${query.itemType} AND i.source_id = ${query.itemId} ORDER BY m.held_on`),
    );
    const out: RoundtableHistoryEntry[] = [];
    for (const i of items) {
      out.push({
        meetingId: i.meeting_id,
        meetingTitle: i.meeting_title,
        heldOn: i.held_on,
        itemTitle: i.title,
        decisions: await selectDecisions(tx, sql`d.item_id = ${i.id}`, today),
      });
    }
    return out;
  });
}

/** Leaders (to chair) and the region's people (to own a decision). */
export function listPeople(deps: RoundtableDeps, ctx: UserContext) {
  return deps.db.transaction(ctx.scope, async (tx) =>
    rowsOf<{ id: string; name: string; role: string }>(
      await tx.execute(sql`SELECT id, display_name AS name, role FROM users WHERE NOT is_disabled
        AND role IN ('staff', 'taskforce_lead', 'helper', 'leader') ORDER BY role, display_name`),
    ),
  );
}
