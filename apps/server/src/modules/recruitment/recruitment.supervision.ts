import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import type { SupervisedItem, SupervisedItemProvider } from '../supervision/index.ts';

const ACTIVE = sql`r.stage IN ('lead', 'contacted', 'negotiating', 'signed', 'landed')`;

type Row = {
  id: string;
  region_code: string;
  title: string;
  owner_id: string;
  lead_id: string;
  is_active: boolean;
  is_green_channel: boolean;
  last_entry_on: string | null;
  created_at: string | Date;
  earliest_due: string | null;
  next_date: string | null;
};

/** Recruitment records as supervised items: one set-based query per region (the job) or per id list (a write). */
export const recruitmentSupervisedItems: SupervisedItemProvider = {
  itemType: 'recruitment',
  listItems: async (tx: Tx, filter) => {
    const where =
      'regionCode' in filter
        ? sql`r.region_code = ${filter.regionCode}`
        : sql`r.id IN (${sql.join(
            filter.ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`;
    const rows = rowsOf<Row>(
      await tx.execute(sql`
        SELECT r.id, r.region_code, i.name AS title, r.owner_id, r.task_force_lead_id AS lead_id,
               ${ACTIVE} AS is_active, r.is_green_channel, r.last_entry_on::text AS last_entry_on, r.created_at,
               m.earliest_due::text AS earliest_due, r.next_date::text AS next_date
        FROM recruitment_records r
        JOIN institutes i ON i.id = r.institute_id
        LEFT JOIN LATERAL (SELECT min(due_on) AS earliest_due FROM recruitment_milestones
                           WHERE record_id = r.id AND done_on IS NULL) m ON true
        WHERE ${where}`),
    );
    return rows.map(
      (r): SupervisedItem => ({
        itemType: 'recruitment',
        id: r.id,
        regionCode: r.region_code,
        title: r.title,
        link: `/recruitment/${r.id}`,
        ownerId: r.owner_id,
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
      await tx.execute(sql`SELECT DISTINCT region_code FROM recruitment_records`),
    ).map((r) => r.region_code),
};
