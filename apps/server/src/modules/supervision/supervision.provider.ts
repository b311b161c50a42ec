import type { SupervisedItemType } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import type { SupervisedItem } from './supervision.rules.ts';

/**
 * How a module hands its items to supervision. `listItems` runs in the caller's transaction (the
 * user's for refreshes after a write, the owner's for the scheduled job).
 */
export type SupervisedItemProvider = {
  itemType: SupervisedItemType;
  /** The item's page in the web UI. */
  linkOf: (id: string) => string;
  listItems: (
    tx: Tx,
    filter: { regionCode: string } | { ids: readonly string[] },
  ) => Promise<SupervisedItem[]>;
  /** Regions that have items of this type (read on the owner connection by the job). */
  listRegions: (tx: Tx) => Promise<string[]>;
};

/**
 * `column IN (…the stages…)` for a supervision query, from a pipeline's groups (e.g.
 * `stageIn('p.stage', projectPipeline.stagesIn('active'))`), never a hand-written list. Stage codes
 * are declared identifiers; each is still bound as a parameter.
 */
export function stageIn(column: string, stages: readonly string[]): SQL {
  if (stages.length === 0) return sql`false`;
  return sql`${sql.raw(column)} IN (${sql.join(
    stages.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/** The columns a module's supervision query returns, one row per item. */
type ItemRow = {
  id: string;
  region_code: string;
  title: string;
  owner_id: string | null;
  lead_id: string | null;
  is_active: boolean;
  is_green_channel: boolean;
  last_entry_on: string | null;
  created_at: string | Date;
  earliest_due: string | null;
  next_date: string | null;
};

/**
 * A provider from one SQL query: the module writes the SELECT (columns as in ItemRow) with the
 * filter the supervision service asks for — a whole region for the daily job, or the ids just
 * written — and this maps the rows. New supervised modules (service requests, round-table
 * decisions) are one query each.
 */
export function sqlItemProvider(spec: {
  itemType: SupervisedItemType;
  /** The item's page in the web UI. */
  link: (id: string) => string;
  /** The SELECT, given the WHERE condition; `alias` is the main table's alias used in it. */
  query: (where: SQL) => SQL;
  alias: string;
  /** The main table, to list the regions that have items. */
  table: string;
}): SupervisedItemProvider {
  return {
    itemType: spec.itemType,
    linkOf: spec.link,
    listItems: async (tx: Tx, filter) => {
      const column = (name: string) => sql.raw(`${spec.alias}.${name}`);
      const where =
        'regionCode' in filter
          ? sql`${column('region_code')} = ${filter.regionCode}`
          : sql`${column('id')} IN (${sql.join(
              filter.ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`;
      const rows = rowsOf<ItemRow>(await tx.execute(spec.query(where)));
      return rows.map(
        (r): SupervisedItem => ({
          itemType: spec.itemType,
          id: r.id,
          regionCode: r.region_code,
          title: r.title,
          link: spec.link(r.id),
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
        await tx.execute(sql`SELECT DISTINCT region_code FROM ${sql.identifier(spec.table)}`),
      ).map((r) => r.region_code),
  };
}
