import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { restrict, tenantPolicies } from '../../platform/db/policies.ts';

const sysadminOnly = sql`gaodi_role() = 'sysadmin'`;

/**
 * Webhook subscriptions (issue 16): an address and the events it takes, for the region and the
 * regions below. The signing secret is a DataBox envelope bound to the subscription's id. The
 * trigger on change_feed (gaodi_feed_to_webhooks) writes their outbox rows in the change's
 * transaction; the outbox worker delivers them (webhook-channel.ts).
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    secret: text('secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [
    index('webhook_subscriptions_region_idx').on(t.regionCode),
    ...tenantPolicies(),
    restrict('webhook_subscriptions_sysadmin', 'all', { using: sysadminOnly, withCheck: sysadminOnly }),
  ],
);

/** Hosts and addresses a region's webhooks may reach although private, loopback or link-local. */
export const webhookAllowLists = pgTable(
  'webhook_allow_lists',
  {
    regionCode: text('region_code').primaryKey(),
    hosts: text('hosts').array().notNull(),
  },
  () => [
    ...tenantPolicies(),
    restrict('webhook_allow_lists_sysadmin', 'all', { using: sysadminOnly, withCheck: sysadminOnly }),
  ],
);
