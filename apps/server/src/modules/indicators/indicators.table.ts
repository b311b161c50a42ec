import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { restrict, tenantPolicies } from '../../platform/db/policies.ts';

/** Yearly targets per region and indicator: the only figures typed in by hand. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    code: text('code').notNull(),
    target: integer('target').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ name: 'indicator_targets_pk', columns: [t.regionCode, t.year, t.code] }),
    ...tenantPolicies(),
  ],
);

/**
 * Month-end figures (月末快照), one row per region × month × indicator: the year-to-date figure at
 * the month end. Written once by the snapshot job (owner connection); a trigger refuses any
 * UPDATE or DELETE, so a frozen month never changes (corrections show next month as late records).
 */
export const indicatorSnapshots = pgTable(
  'indicator_snapshots',
  {
    regionCode: text('region_code').notNull(),
    /** YYYY-MM, China time. */
    period: text('period').notNull(),
    code: text('code').notNull(),
    value: integer('value').notNull(),
    target: integer('target'),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'indicator_snapshots_pk', columns: [t.regionCode, t.period, t.code] }),
    ...tenantPolicies(),
    restrict('indicator_snapshots_read_only', 'insert', { withCheck: sql`false` }),
  ],
);

/**
 * The records a snapshot counted, once each, in their own region (region_code): a region's frozen
 * figure is the count of these rows in its subtree, so a past month's drill-down is exact.
 */
export const indicatorSnapshotRecords = pgTable(
  'indicator_snapshot_records',
  {
    regionCode: text('region_code').notNull(),
    period: text('period').notNull(),
    code: text('code').notNull(),
    recordId: text('record_id').notNull(),
    title: text('title').notNull(),
    on: date('on'),
    href: text('href'),
  },
  (t) => [
    primaryKey({ name: 'indicator_snapshot_records_pk', columns: [t.period, t.code, t.recordId] }),
    index('indicator_snapshot_records_region').on(t.regionCode, t.period, t.code),
    ...tenantPolicies(),
    restrict('indicator_snapshot_records_read_only', 'insert', { withCheck: sql`false` }),
  ],
);

/**
 * A cache of the definition queries (docs/ARCHITECTURE.md, Indicators): per region and year, the
 * count of each `perRegion` indicator's records query narrowed to that one region, as
 * `{ code: count }`. Present = counted; a row in `indicator_region_changes` for the region makes
 * it stale. Written by readers (the refresh in their transaction), never typed in.
 */
export const indicatorRegionCounts = pgTable(
  'indicator_region_counts',
  {
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    countedAt: timestamp('counted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'indicator_region_counts_pk', columns: [t.regionCode, t.year] }),
    ...tenantPolicies(),
  ],
);

/**
 * The regions whose counted records changed since they were counted: inserted by statement
 * triggers on the counted tables in the writer's transaction (insert-only: no row for writers to
 * queue on), deleted by the reader that recounts them.
 */
export const indicatorRegionChanges = pgTable(
  'indicator_region_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
  },
  (t) => [index('indicator_region_changes_region').on(t.regionCode), ...tenantPolicies()],
);
