import { needPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
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
import { oneOf } from '../../platform/db/checks.ts';
import { restrict, tenantPolicies } from '../../platform/db/policies.ts';
import { versioned } from '../../platform/db/row-version.ts';
import { enterprises, industries, institutes } from '../directory/index.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const audited = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by'),
  /** Soft delete: hidden from lists and from the matching index. */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
};

/** 技术需求: an enterprise's technology need, from collection to closing. */
export const techNeeds = pgTable(
  'tech_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    ...versioned(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    title: text('title').notNull(),
    /** Title (and keywords), full pinyin and pinyin initials, lower case (searchTextOf); '' until written. */
    searchText: text('search_text').notNull().default(''),
    description: text('description').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    industryId: uuid('industry_id').references(() => industries.id),
    /** Budget range in integer fen; null = open. */
    budgetMinFen: bigint('budget_min_fen', { mode: 'number' }),
    budgetMaxFen: bigint('budget_max_fen', { mode: 'number' }),
    cooperationForms: jsonb('cooperation_forms').$type<string[]>().notNull().default([]),
    deadline: date('deadline', { mode: 'string' }),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    stage: text('stage').notNull(),
    /** The office's custom stage inside `stage` (settings' custom_stages), or null. */
    subStage: text('sub_stage'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull(),
    reviewNote: text('review_note').notNull().default(''),
    ...audited,
  },
  (t) => [
    index('tech_needs_region_stage_idx').on(t.regionCode, t.stage),
    index('tech_needs_enterprise_idx').on(t.enterpriseId),
    oneOf('tech_needs_stage_known', t.stage, needPipeline.stages),
    ...tenantPolicies(),
    restrict('tech_needs_institute_open_only', 'all', {
      using: sql`(gaodi_role() <> 'institute'::text) OR (stage = ANY (ARRAY['published'::text, 'matching'::text]))`,
    }),
    restrict('tech_needs_own_enterprise', 'all', {
      using: sql`(gaodi_role() <> 'enterprise'::text) OR ((enterprise_id)::text = current_setting('gaodi.enterprise_id'::text, true))`,
    }),
    restrict('tech_needs_working_roles', 'all', {
      using: sql`gaodi_is_bureau_role() OR (gaodi_role() = ANY (ARRAY['enterprise'::text, 'institute'::text]))`,
    }),
  ],
);

/** 科技成果: an institute's achievement, offered for cooperation. */
export const achievements = pgTable(
  'achievements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id),
    title: text('title').notNull(),
    /** Title (and keywords), full pinyin and pinyin initials, lower case (searchTextOf); '' until written. */
    searchText: text('search_text').notNull().default(''),
    abstract: text('abstract').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    industryId: uuid('industry_id').references(() => industries.id),
    /** Technology readiness level 1–9. */
    trl: integer('trl').notNull(),
    ipType: text('ip_type').notNull(),
    ipNumbers: jsonb('ip_numbers').$type<string[]>().notNull().default([]),
    cooperationForms: jsonb('cooperation_forms').$type<string[]>().notNull().default([]),
    ...audited,
  },
  (t) => [
    index('achievements_institute_idx').on(t.instituteId),
    index('achievements_region_idx').on(t.regionCode),
    ...tenantPolicies(),
    restrict('achievements_own_institute', 'all', {
      using: sql`gaodi_is_bureau_role() OR ((gaodi_role() = 'institute'::text) AND ((institute_id)::text = current_setting('gaodi.institute_id'::text, true)))`,
    }),
  ],
);

/** A recommendation accepted as a pairing (need ↔ institute), maybe made at an event. */
export const needPairings = pgTable(
  'need_pairings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    needId: uuid('need_id')
      .notNull()
      .references(() => techNeeds.id),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id),
    achievementId: uuid('achievement_id').references(() => achievements.id),
    /** recommendation | event | manual */
    source: text('source').notNull(),
    eventId: uuid('event_id'),
    /** none | intention | agreement */
    outcome: text('outcome').notNull().default('none'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('need_pairings_need_institute_uq').on(t.needId, t.instituteId),
    index('need_pairings_event_idx').on(t.eventId),
    ...tenantPolicies(),
    restrict('need_pairings_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** A recommendation staff turned down, with the reason (reported per institute). */
export const recommendationRejections = pgTable(
  'recommendation_rejections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    needId: uuid('need_id')
      .notNull()
      .references(() => techNeeds.id),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('recommendation_rejections_need_institute_uq').on(t.needId, t.instituteId),
    ...tenantPolicies(),
    // The office writes rejections; an institute partner reads why its own institute was declined.
    // (Named before institutes could read their own rows; the write policies below keep writes the office's.)
    restrict('recommendation_rejections_bureau_only', 'all', {
      using: sql`gaodi_is_bureau_role() OR ((gaodi_role() = 'institute'::text) AND ((institute_id)::text = current_setting('gaodi.institute_id'::text, true)))`,
    }),
    restrict('recommendation_rejections_insert_bureau', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('recommendation_rejections_update_bureau', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('recommendation_rejections_delete_bureau', 'delete', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/**
 * The matching index's change log, written by triggers on needs, achievements and experts so no
 * write path can forget it. Every server process catches up from here; the monotonic id is the
 * cursor. Not a tenant table (no region_code): only the owner connection reads it.
 */
export const matchChanges = pgTable('match_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  docId: text('doc_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
}).enableRLS();

/**
 * The serialised index (gzip, split into parts of at most 8 MB so no single value strains a
 * driver) with the change id it covers, so a start-up can skip the rebuild. All parts of a key
 * are written in one transaction.
 */
export const matchIndexSnapshots = pgTable(
  'match_index_snapshots',
  {
    key: text('key').notNull(),
    part: integer('part').notNull().default(0),
    bytes: bytea('bytes').notNull(),
    maxChangeId: bigint('max_change_id', { mode: 'number' }).notNull(),
    format: text('format').notNull(),
    documents: integer('documents').notNull(),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.part] })],
).enableRLS();

/** 对接活动: roadshows, site visits, online matchmaking, 校地企 forums. */
export const matchmakingEvents = pgTable(
  'matchmaking_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull().default(''),
    isOnline: boolean('is_online').notNull().default(false),
    organiser: text('organiser').notNull(),
    summary: text('summary').notNull().default(''),
    /** Secret carried by the sign-in QR code; whoever holds it may sign in to this event only. */
    checkinToken: text('checkin_token').notNull(),
    ...audited,
  },
  (t) => [
    index('matchmaking_events_region_held_idx').on(t.regionCode, t.heldOn),
    uniqueIndex('matchmaking_events_checkin_uq').on(t.checkinToken),
    ...tenantPolicies(),
    restrict('matchmaking_events_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** An organisation invited to or attending an event (walk-ins may be free-text names). */
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.id),
    /** enterprise | institute | other */
    partyKind: text('party_kind').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    instituteId: uuid('institute_id').references(() => institutes.id),
    orgName: text('org_name').notNull(),
    isInvited: boolean('is_invited').notNull().default(false),
    attendedAt: timestamp('attended_at', { withTimezone: true }),
    attendeeName: text('attendee_name').notNull().default(''),
    /** The device id the QR sign-in page keeps on the phone: one sign-in per device and event. */
    checkinDevice: text('checkin_device'),
  },
  (t) => [
    uniqueIndex('event_participants_event_org_uq').on(t.eventId, t.orgName),
    uniqueIndex('event_participants_event_device_uq').on(t.eventId, t.checkinDevice),
    ...tenantPolicies(),
    restrict('event_participants_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** A need or achievement presented at an event. */
export const eventItems = pgTable(
  'event_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.id),
    needId: uuid('need_id').references(() => techNeeds.id),
    achievementId: uuid('achievement_id').references(() => achievements.id),
  },
  (t) => [
    uniqueIndex('event_items_need_uq').on(t.eventId, t.needId),
    uniqueIndex('event_items_achievement_uq').on(t.eventId, t.achievementId),
    ...tenantPolicies(),
    restrict('event_items_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/**
 * When the region's events take QR sign-ins (CheckinWindow in contracts): from `opens_hours_before`
 * hours before the event's day begins to `closes_hours_after` hours after it ends, China time.
 * No row: 2 h and 0 h. gaodi_event_checkin (0042) refuses sign-ins outside it.
 */
export const checkinWindows = pgTable(
  'checkin_windows',
  {
    regionCode: text('region_code').primaryKey(),
    opensHoursBefore: integer('opens_hours_before').notNull(),
    closesHoursAfter: integer('closes_hours_after').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  () => [
    check('checkin_windows_opens_ck', sql`opens_hours_before BETWEEN 0 AND 168`),
    check('checkin_windows_closes_ck', sql`closes_hours_after BETWEEN 0 AND 72`),
    ...tenantPolicies(),
    restrict('checkin_windows_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);
