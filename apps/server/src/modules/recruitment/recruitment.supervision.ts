import { recruitmentPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { sqlItemProvider } from '../supervision/index.ts';

// The stages the pipeline counts as active (stage codes are declared identifiers, safe to inline).
const ACTIVE = sql.raw(
  `r.stage IN (${recruitmentPipeline
    .stagesIn('active')
    .map((s) => `'${s}'`)
    .join(', ')})`,
);

/** Recruitment records as supervised items: one set-based query per region (the job) or per id list (a write). */
export const recruitmentSupervisedItems = sqlItemProvider({
  itemType: 'recruitment',
  link: (id) => `/recruitment/${id}`,
  table: 'recruitment_records',
  alias: 'r',
  query: (where) => sql`
    SELECT r.id, r.region_code, i.name AS title, r.owner_id, r.task_force_lead_id AS lead_id,
           ${ACTIVE} AS is_active, r.is_green_channel, r.last_entry_on::text AS last_entry_on, r.created_at,
           m.earliest_due::text AS earliest_due, r.next_date::text AS next_date
    FROM recruitment_records r
    JOIN institutes i ON i.id = r.institute_id
    LEFT JOIN LATERAL (SELECT min(due_on) AS earliest_due FROM recruitment_milestones
                       WHERE record_id = r.id AND done_on IS NULL) m ON true
    WHERE ${where}`,
});
