import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { industries } from '../directory/index.ts';

/** Innovation platforms, minimal: name, kind, level, industry, partners (the platform module grows this). */
export const platforms = pgTable(
  'platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    industryId: uuid('industry_id').references(() => industries.id),
    partners: text('partners').array().notNull().default([]),
    city: text('city').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('platforms_region_name_idx').on(t.regionCode, t.name)],
);
