import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { restrict, tenantPolicies } from '../../platform/db/policies.ts';

/** A region's light rules; a region without a row uses DEFAULT_SUPERVISION_RULES. */
export const supervisionRules = pgTable(
  'supervision_rules',
  {
    regionCode: text('region_code').primaryKey(),
    noActivityYellowDays: integer('no_activity_yellow_days').notNull(),
    noActivityRedDays: integer('no_activity_red_days').notNull(),
    milestoneRedDaysOverdue: integer('milestone_red_days_overdue').notNull(),
    isNextDatePassedYellow: boolean('is_next_date_passed_yellow').notNull(),
    greenChannelPercent: integer('green_channel_percent').notNull(),
    leaderEscalationRedDays: integer('leader_escalation_red_days').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  () => [
    ...tenantPolicies(),
    restrict('supervision_rules_update_by_sysadmin', 'update', {
      using: sql`gaodi_role() = 'sysadmin'::text`,
    }),
    restrict('supervision_rules_write_by_sysadmin', 'insert', {
      withCheck: sql`gaodi_role() = 'sysadmin'::text`,
    }),
  ],
);

/** The current light of every supervised item (any module's), kept by writes and by the lights job. */
export const supervisionLights = pgTable(
  'supervision_lights',
  {
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
    regionCode: text('region_code').notNull(),
    light: text('light').notNull(),
    reasons: jsonb('reasons').notNull().default([]),
    /** When the current light began: the escalation period of that light. */
    since: timestamp('since', { withTimezone: true }).notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('supervision_lights_item_uq').on(t.itemType, t.itemId),
    index('supervision_lights_region_idx').on(t.regionCode, t.itemType, t.light),
    ...tenantPolicies(),
    restrict('supervision_lights_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** Every light change, for the record's light history. */
export const supervisionLightHistory = pgTable(
  'supervision_light_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
    light: text('light').notNull(),
    reasons: jsonb('reasons').notNull().default([]),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('supervision_light_history_item_idx').on(t.itemId, t.at),
    ...tenantPolicies(),
    restrict('supervision_light_history_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/**
 * Escalations sent. The unique key (item, level, period) is the guarantee that each is sent once,
 * whichever process and however many runs get there; `period` is the start of the light episode.
 */
export const supervisionEscalations = pgTable(
  'supervision_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
    level: text('level').notNull(),
    period: text('period').notNull(),
    recipientIds: uuid('recipient_ids').array().notNull().default([]),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('supervision_escalations_once_uq').on(t.itemType, t.itemId, t.level, t.period),
    ...tenantPolicies(),
    restrict('supervision_escalations_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/**
 * Red items proposed for a round-table agenda (提请圆桌对话事项): by the lights job after the leader
 * rung (proposed_by null), or by a person from the item's page. A leader decides each once: accepted
 * (列入圆桌议程) or dismissed (暂不列入, with a note). One row per item and light episode (`period`).
 */
export const supervisionAgendaProposals = pgTable(
  'supervision_agenda_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    itemType: text('item_type').notNull(),
    itemId: uuid('item_id').notNull(),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    period: text('period').notNull(),
    status: text('status').notNull().default('proposed'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    /** Who proposed it from the item's page; null when the lights job did. */
    proposedBy: uuid('proposed_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('supervision_agenda_once_uq').on(t.itemType, t.itemId, t.period),
    index('supervision_agenda_region_idx').on(t.regionCode, t.status, t.proposedAt),
    ...tenantPolicies(),
    restrict('supervision_agenda_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);
