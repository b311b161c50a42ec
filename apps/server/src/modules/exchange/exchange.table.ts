import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { restrict, tenantPolicies } from '../../platform/db/policies.ts';

/**
 * The exchange feed (issue 16): one row per change of a fed record, written by the trigger
 * `gaodi_feed_change` in the writer's transaction, whatever path writes. `txid` is the writing
 * transaction's id (pg_current_xact_id): the feed is read in (txid, id) order and only below the
 * reader's snapshot xmin, so a transaction that commits late is never skipped (docs/ARCHITECTURE.md,
 * "The exchange feed"). A region reads its own rows and its subtree's through row-level security.
 */
export const changeFeed = pgTable(
  'change_feed',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
    txid: bigint('txid', { mode: 'number' }).notNull(),
    /** The fed kind (FEED_ENTITIES in contracts): enterprise, recruitment, project, light… */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    /** The row after the change (null after a delete), without search text and bookkeeping. */
    data: jsonb('data'),
    /** The columns an update changed. */
    changed: text('changed').array(),
  },
  (t) => [
    index('change_feed_order_idx').on(t.txid, t.id),
    ...tenantPolicies(),
    // Only the trigger (SECURITY DEFINER, as the owner) writes; a request only reads.
    restrict('change_feed_no_insert', 'insert', { withCheck: sql`false` }),
    restrict('change_feed_no_update', 'update', { using: sql`false` }),
    restrict('change_feed_no_delete', 'delete', { using: sql`false` }),
  ],
);
