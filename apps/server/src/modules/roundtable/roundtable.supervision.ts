import { decisionPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { sqlItemProvider } from '../supervision/index.ts';

const active = sql.raw(
  decisionPipeline
    .stagesIn('active')
    .map((s) => `'${s}'`)
    .join(', '),
);

/**
 * Round-table decisions as supervised items: the owner is the decision's person, the lead the
 * meeting's chair; the deadline is the due day, so a decision past it turns yellow, then red, and
 * a long-red one is proposed for the next round-table like any other red item.
 */
export const decisionSupervisedItems = sqlItemProvider({
  itemType: 'decision',
  link: () => '/roundtable/decisions',
  table: 'roundtable_decisions',
  alias: 'd',
  query: (where) => sql`
    SELECT d.id, d.region_code, d.content AS title, d.owner_user_id AS owner_id, m.chair_id AS lead_id,
           d.stage IN (${active}) AS is_active, false AS is_green_channel, d.last_entry_on::text AS last_entry_on,
           d.created_at, d.deadline::text AS earliest_due, NULL::text AS next_date
    FROM roundtable_decisions d JOIN roundtable_meetings m ON m.id = d.meeting_id WHERE ${where}`,
});
