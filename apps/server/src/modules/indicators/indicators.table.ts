import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  (t) => [primaryKey({ name: 'indicator_targets_pk', columns: [t.regionCode, t.year, t.code] })],
);
