import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { allow, restrict, tenantPolicies } from '../db/policies.ts';

const sysadminOrRecipient = sql`gaodi_role() = 'sysadmin'::text OR (recipient_id)::text = current_setting('gaodi.user_id'::text, true)`;

/**
 * The transactional outbox: one row per message and delivery channel, written in the transaction of
 * the change that causes it (notifications → the gaodi_notifications_to_outbox trigger; other kinds,
 * e.g. webhooks, with enqueueDeliveries). Delivery workers claim due rows (delivery-worker.ts).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    /** 'email' | 'wecom' | 'dingtalk' | 'sms' | a channel another module registers ('webhook'). */
    channel: text('channel').notNull(),
    /** The user a notification is for; null for deliveries to a system (webhooks). */
    recipientId: uuid('recipient_id'),
    /** What a non-user delivery goes to (a webhook subscription's id). */
    target: text('target'),
    notificationId: uuid('notification_id'),
    kind: text('kind').notNull(),
    /** What the channel renders: a notification's title, body, link, language, address, quiet hours. */
    payload: jsonb('payload').notNull(),
    /** 'pending' → 'delivered' | 'dead' (after maxAttempts failures, or a permanent refusal). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When a worker may take it next: due time, back-off, quiet hours' end, or a claim's lease. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'::text`),
    index('outbox_region_idx').on(t.regionCode, t.createdAt),
    uniqueIndex('outbox_notification_channel_key').on(t.notificationId, t.channel),
    ...tenantPolicies(),
    restrict('outbox_read_by_sysadmin_or_recipient', 'select', { using: sysadminOrRecipient }),
    restrict('outbox_update_by_sysadmin', 'update', { using: sql`gaodi_role() = 'sysadmin'::text` }),
    restrict('outbox_never_deleted', 'delete', { using: sql`false` }),
  ],
);

/** The delivery log: one row per attempt (or hold) of an outbox row. Append-only. */
export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    outboxId: uuid('outbox_id').notNull(),
    channel: text('channel').notNull(),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** 'delivered' | 'failed' | 'dead' | 'held' (quiet hours: not counted as an attempt). */
    outcome: text('outcome').notNull(),
    /** The far end's answer code: HTTP status and errcode, SMTP reply code. */
    status: text('status'),
    detail: text('detail'),
    ms: integer('ms').notNull().default(0),
  },
  (t) => [
    index('outbox_attempts_outbox_idx').on(t.outboxId, t.attempt),
    ...tenantPolicies(),
    restrict('outbox_attempts_read_by_sysadmin', 'select', { using: sql`gaodi_role() = 'sysadmin'::text` }),
    restrict('outbox_attempts_append_only', 'update', { using: sql`false` }),
    restrict('outbox_attempts_never_deleted', 'delete', { using: sql`false` }),
  ],
);

/**
 * A region's delivery endpoints, set by its system administrator: SMTP server, WeCom and DingTalk
 * robots, SMS account. `secret` is a DataBox envelope (robot keys, passwords), never sent back.
 */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    regionCode: text('region_code').notNull(),
    channel: text('channel').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    settings: jsonb('settings').notNull(),
    secret: text('secret'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.channel] }),
    ...tenantPolicies(),
    restrict('notification_channels_by_sysadmin', 'all', {
      using: sql`gaodi_role() = 'sysadmin'::text`,
      withCheck: sql`gaodi_role() = 'sysadmin'::text`,
    }),
  ],
);

const self = sql`(user_id)::text = current_setting('gaodi.user_id'::text, true)`;

/**
 * A user's own choices: addresses, which event groups on which channel (absent → the default),
 * quiet hours (minutes of the China day), language of the messages.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id').primaryKey(),
    regionCode: text('region_code').notNull(),
    email: text('email'),
    /** Overrides the account's phone for SMS and robot mentions. */
    phone: text('phone'),
    /** channel → event groups (kind before its first dot); a channel absent here uses the default. */
    events: jsonb('events').notNull().default({}),
    quietFrom: integer('quiet_from').notNull().default(1320),
    quietTo: integer('quiet_to').notNull().default(420),
    lang: text('lang').notNull().default('zh'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  () => [
    ...tenantPolicies(),
    allow('notification_preferences_self', 'all', { using: self, withCheck: self }),
    restrict('notification_preferences_own', 'all', { using: self, withCheck: self }),
  ],
);
