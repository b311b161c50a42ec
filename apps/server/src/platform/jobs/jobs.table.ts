import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per (job, scope, period) that ran. The primary key is what makes a scheduled job run
 * exactly once across processes: the claim is inserted in the job's own transaction, so a second
 * process blocks on the key until the first commits (then skips) or rolls back (then runs).
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    /** What the run covered, e.g. a region code; '*' for global jobs. */
    scope: text('scope').notNull(),
    period: text('period').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    detail: jsonb('detail'),
  },
  (t) => [primaryKey({ columns: [t.job, t.scope, t.period] })],
);
