import { decisionPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { restrict, tenantPolicies } from '../../platform/db/policies.ts';

/** A round-table meeting (圆桌对话会): chaired by a leader; attendees as listed on the minutes. */
export const roundtableMeetings = pgTable(
  'roundtable_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startsAt: text('starts_at').notNull().default('09:00'),
    place: text('place').notNull(),
    chairId: uuid('chair_id').notNull(),
    /** [{ kind: department | enterprise | institute | person, name }] */
    attendees: jsonb('attendees').notNull().default([]),
    status: text('status').notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('roundtable_meetings_region_idx').on(t.regionCode, t.heldOn),
    oneOf('roundtable_meetings_status_known', t.status, ['planned', 'held']),
    ...tenantPolicies(),
    restrict('roundtable_meetings_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** An agenda item: from an accepted round-table proposal (with its source record) or added by the chair's office. */
export const roundtableItems = pgTable(
  'roundtable_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => roundtableMeetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    proposalId: uuid('proposal_id'),
  },
  (t) => [
    index('roundtable_items_meeting_idx').on(t.meetingId, t.position),
    index('roundtable_items_source_idx').on(t.sourceType, t.sourceId),
    // A proposal goes on one agenda only.
    uniqueIndex('roundtable_items_proposal_uq').on(t.proposalId),
    ...tenantPolicies(),
    restrict('roundtable_items_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** 议定事项: what was decided, who owns it, by when, and the proof that closes it. */
export const roundtableDecisions = pgTable(
  'roundtable_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => roundtableMeetings.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roundtableItems.id),
    number: integer('number').notNull(),
    content: text('content').notNull(),
    ownerUserId: uuid('owner_user_id'),
    ownerDepartment: text('owner_department').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    proofRequired: text('proof_required').notNull().default(''),
    proof: text('proof').notNull().default(''),
    stage: text('stage').notNull(),
    subStage: text('sub_stage'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull(),
    /** Day of the latest step (proof, refusal): progress for the lights. */
    lastEntryOn: date('last_entry_on', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('roundtable_decisions_region_stage_idx').on(t.regionCode, t.stage, t.deadline),
    index('roundtable_decisions_owner_idx').on(t.ownerUserId, t.stage),
    index('roundtable_decisions_item_idx').on(t.itemId, t.number),
    oneOf('roundtable_decisions_stage_known', t.stage, decisionPipeline.stages),
    ...tenantPolicies(),
    restrict('roundtable_decisions_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);
