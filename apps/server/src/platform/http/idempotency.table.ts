import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { restrict, tenantPolicies } from '../db/policies.ts';

/**
 * One answered (or in-flight) write per user, route and `Idempotency-Key` header: a retry or a
 * double submit with the same key gets the first answer instead of making a second record.
 * `status_code` is null while the first request runs. Read only by its own user.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    regionCode: text('region_code').notNull(),
    userId: uuid('user_id').notNull(),
    /** `POST /api/projects`: the route's method and declared path. */
    route: text('route').notNull(),
    key: text('key').notNull(),
    /** sha256 of the request's path parameters and body: a key reused for another request is refused. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    // Per region too: after a region switch the row-level policies would hide the first answer.
    primaryKey({ columns: [t.userId, t.regionCode, t.route, t.key] }),
    ...tenantPolicies(),
    restrict('idempotency_keys_own', 'all', {
      using: sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`,
      withCheck: sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`,
    }),
  ],
);
