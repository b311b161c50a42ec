import { projectPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { sqlItemProvider, stageIn } from '../supervision/index.ts';

/** Supervised while in an active stage of the pipeline (not landed, not stopped). */
const ACTIVE = stageIn('p.stage', projectPipeline.stagesIn('active'));

/**
 * Cooperation projects as supervised items: the owner is the current helper, the lead whoever
 * registered the project; landed and stopped projects are no longer supervised. Lights are kept in
 * the commercialisation region (the project's region_code), where it is counted.
 */
export const projectSupervisedItems = sqlItemProvider({
  itemType: 'project',
  link: (id) => `/projects/${id}`,
  table: 'cooperation_projects',
  alias: 'p',
  query: (where) => sql`
    SELECT p.id, p.region_code, p.title, a.helper_id AS owner_id, p.created_by AS lead_id,
           ${ACTIVE} AS is_active, p.is_green_channel,
           p.last_entry_on::text AS last_entry_on, p.created_at,
           m.earliest_due::text AS earliest_due, p.next_date::text AS next_date
    FROM cooperation_projects p
    LEFT JOIN project_helper_assignments a ON a.project_id = p.id AND a.ended_at IS NULL
    LEFT JOIN LATERAL (SELECT min(due_on) AS earliest_due FROM project_milestones
                       WHERE project_id = p.id AND done_on IS NULL) m ON true
    WHERE ${where}`,
});
