import { index, pgTable, text } from 'drizzle-orm/pg-core';

/** GB/T 2260 administrative regions. Reference data shared by every tenant, so no `region_code`. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    parentCode: text('parent_code'),
    level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
