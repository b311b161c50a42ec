import { serviceRequestPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { sqlItemProvider } from '../supervision/index.ts';

const active = sql.raw(
  serviceRequestPipeline
    .stagesIn('active')
    .map((s) => `'${s}'`)
    .join(', '),
);

/**
 * Service requests as supervised items: the owner is the helper, the lead whoever dispatched it;
 * the due day is the accept day until accepted, then the resolve day (working days, calendar
 * included), so an overdue request turns yellow the day after and red past the region's limit.
 */
export const serviceRequestSupervisedItems = sqlItemProvider({
  itemType: 'service_request',
  link: (id) => `/concierge/${id}`,
  table: 'service_requests',
  alias: 'r',
  query: (where) => sql`
    SELECT r.id, r.region_code, r.title, r.helper_id AS owner_id, r.assigned_by AS lead_id,
           r.stage IN (${active}) AS is_active, r.is_green_channel, r.last_entry_on::text AS last_entry_on,
           r.created_at,
           (CASE WHEN r.stage = 'submitted' THEN r.accept_due_on ELSE r.resolve_due_on END)::text AS earliest_due,
           NULL::text AS next_date
    FROM service_requests r WHERE ${where}`,
});
