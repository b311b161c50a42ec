import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { restrict, tenantPolicies } from '../db/policies.ts';

/**
 * A confirmed import running in the background (or finished): its progress and its result.
 * Read only by the user who started it (row-level security).
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    userId: uuid('user_id').notNull(),
    /** What is imported, e.g. 'enterprise-import'. */
    kind: text('kind').notNull(),
    /** running | done | failed */
    status: text('status').notNull(),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    /** The import's figures once done (created, updated…). */
    result: jsonb('result'),
    /** Why it failed (Chinese; nothing of it was written). */
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  () => [
    ...tenantPolicies(),
    restrict('import_jobs_own', 'all', {
      using: sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`,
      withCheck: sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`,
    }),
  ],
);
