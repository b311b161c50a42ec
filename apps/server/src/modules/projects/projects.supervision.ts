import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import type { SupervisedItem, SupervisedItemProvider } from '../supervision/index.ts';

type Row = {
  id: string;
  region_code: string;
  title: string;
  helper_id: string | null;
  lead_id: string | null;
  is_active: boolean;
  is_green_channel: boolean;
  last_entry_on: string | null;
  created_at: string | Date;
  earliest_due: string | null;
  next_date: string | null;
};

/**
 * Cooperation projects as supervised items: the owner is the current helper, the lead whoever
 * registered the project; landed and stopped projects are no longer supervised. Lights are kept in
 * the commercialisation region (the project's region_code), where it is counted.
 */
export const projectSupervisedItems: SupervisedItemProvider = {
  itemType: 'project',
  listItems: async (tx: Tx, filter) => {
    const where =
      'regionCode' in filter
        ? sql`p.region_code = ${filter.regionCode}`
        : sql`p.id IN (${sql.join(
            filter.ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`;
    const rows = rowsOf<Row>(
      await tx.execute(sql`
        SELECT p.id, p.region_code, p.title, a.helper_id, p.created_by AS lead_id,
               p.stage IN ('intention', 'signed', 'in_progress', 'accepted') AS is_active, p.is_green_channel,
               p.last_entry_on::text AS last_entry_on, p.created_at,
               m.earliest_due::text AS earliest_due, p.next_date::text AS next_date
        FROM cooperation_projects p
        LEFT JOIN project_helper_assignments a ON a.project_id = p.id AND a.ended_at IS NULL
        LEFT JOIN LATERAL (SELECT min(due_on) AS earliest_due FROM project_milestones
                           WHERE project_id = p.id AND done_on IS NULL) m ON true
        WHERE ${where}`),
    );
    return rows.map(
      (r): SupervisedItem => ({
        itemType: 'project',
        id: r.id,
        regionCode: r.region_code,
        title: r.title,
        link: `/projects/${r.id}`,
        ownerId: r.helper_id,
        leadId: r.lead_id,
        isActive: r.is_active,
        isGreenChannel: r.is_green_channel,
        lastActivityOn: r.last_entry_on ?? chinaDay(new Date(r.created_at)),
        earliestOpenDueOn: r.earliest_due,
        nextDate: r.next_date,
      }),
    );
  },
  listRegions: async (tx) =>
    rowsOf<{ region_code: string }>(
      await tx.execute(sql`SELECT DISTINCT region_code FROM cooperation_projects`),
    ).map((r) => r.region_code),
};
