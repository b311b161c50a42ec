import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { restrict, tenantPolicies } from '../db/policies.ts';

/** The in-app inbox: one row per recipient. Readable only by its recipient (row-level security). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    ...tenantPolicies(),
    restrict('notifications_delete_own', 'delete', {
      using: sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`,
    }),
    restrict('notifications_read_own', 'select', {
      using: sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`,
    }),
    restrict('notifications_to_region_users', 'insert', {
      withCheck: sql`gaodi_user_sees_region(user_id, region_code)`,
    }),
    restrict('notifications_update_own', 'update', {
      using: sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`,
      withCheck: sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`,
    }),
  ],
);
