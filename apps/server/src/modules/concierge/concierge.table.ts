import { SERVICE_CHANNELS, SERVICE_KINDS, SUBJECT_TYPES, serviceRequestPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { restrict, tenantPolicies } from '../../platform/db/policies.ts';

/**
 * 诉求: a service request. The requester is a signed-in user (enterprise, institute partner, or
 * staff on someone's behalf) or, from the service station, a person without an account whose
 * phone is stored encrypted (`phone_enc`), masked (`phone_masked`) and as a keyed hash for limits.
 */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    /** 诉求编号, e.g. SQ370828-000123: what a requester quotes on the phone. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    isGreenChannel: boolean('is_green_channel').notNull().default(false),
    stage: text('stage').notNull(),
    subStage: text('sub_stage'),
    subjectType: text('subject_type').notNull().default('none'),
    subjectId: uuid('subject_id'),
    subjectName: text('subject_name').notNull().default(''),
    /** The signed-in requester (null for station requests). */
    requesterUserId: uuid('requester_user_id'),
    requesterName: text('requester_name').notNull(),
    /** The organisation the request belongs to, for own-organisation row-level security. */
    enterpriseId: uuid('enterprise_id'),
    instituteId: uuid('institute_id'),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked').notNull().default(''),
    phoneHash: text('phone_hash'),
    helperId: uuid('helper_id'),
    /** Who dispatched it (the lead of the escalation ladder). */
    assignedBy: uuid('assigned_by'),
    acceptDueOn: date('accept_due_on', { mode: 'string' }),
    resolveDueOn: date('resolve_due_on', { mode: 'string' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution').notNull().default(''),
    returnReason: text('return_reason').notNull().default(''),
    rating: integer('rating'),
    ratingComment: text('rating_comment').notNull().default(''),
    /** Day of the latest timeline entry (progress), for the lights. */
    lastEntryOn: date('last_entry_on', { mode: 'string' }),
    idempotencyKey: uuid('idempotency_key').notNull(),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('service_requests_number_uq').on(t.regionCode, t.number),
    uniqueIndex('service_requests_once_uq').on(t.regionCode, t.idempotencyKey),
    index('service_requests_helper_idx').on(t.helperId, t.stage, t.createdAt),
    index('service_requests_region_stage_idx').on(t.regionCode, t.stage, t.createdAt),
    index('service_requests_requester_idx').on(t.requesterUserId, t.createdAt),
    index('service_requests_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('service_requests_phone_idx').on(t.phoneHash, t.createdAt),
    oneOf('service_requests_stage_known', t.stage, serviceRequestPipeline.stages),
    oneOf('service_requests_kind_known', t.kind, SERVICE_KINDS),
    oneOf('service_requests_channel_known', t.channel, SERVICE_CHANNELS),
    oneOf('service_requests_subject_known', t.subjectType, SUBJECT_TYPES),
    check('service_requests_rating_range', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
    ...tenantPolicies(),
    restrict('service_requests_own_org', 'all', {
      using: sql`CASE gaodi_role() WHEN 'enterprise'::text THEN ((enterprise_id)::text = current_setting('gaodi.enterprise_id'::text, true)) WHEN 'institute'::text THEN ((institute_id)::text = current_setting('gaodi.institute_id'::text, true)) ELSE gaodi_is_bureau_role() END`,
    }),
  ],
);

/** The request's timeline: every step, transfer, hand-off and note. */
export const serviceRequestEntries = pgTable(
  'service_request_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
  },
  (t) => [
    index('service_request_entries_request_idx').on(t.requestId, t.at),
    ...tenantPolicies(),
    restrict('service_request_entries_request_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM service_requests r WHERE (r.id = service_request_entries.request_id))`,
    }),
  ],
);

/** Transfers to another helper, each approved or refused by a lead. */
export const serviceTransfers = pgTable(
  'service_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    fromHelperId: uuid('from_helper_id'),
    toHelperId: uuid('to_helper_id').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
  },
  (t) => [
    index('service_transfers_request_idx').on(t.requestId),
    // One pending transfer per request at a time.
    uniqueIndex('service_transfers_one_pending_uq').on(t.requestId).where(sql`status = 'pending'`),
    oneOf('service_transfers_status_known', t.status, ['pending', 'approved', 'refused']),
    ...tenantPolicies(),
    restrict('service_transfers_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** Hand-offs to another department (自然资源局, 人社局…); the request's clock keeps running. */
export const serviceHandoffs = pgTable(
  'service_handoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    department: text('department').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull().default(''),
    answeredOn: date('answered_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('service_handoffs_request_idx').on(t.requestId),
    ...tenantPolicies(),
    restrict('service_handoffs_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** An office's time limits per kind (working days); kinds without a row use DEFAULT_TIME_LIMIT. */
export const serviceTimeLimits = pgTable(
  'service_time_limits',
  {
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    acceptDays: integer('accept_days').notNull(),
    resolveDays: integer('resolve_days').notNull(),
    greenAcceptDays: integer('green_accept_days').notNull(),
    greenResolveDays: integer('green_resolve_days').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.kind] }),
    ...tenantPolicies(),
    restrict('service_time_limits_office', 'all', {
      using: sql`gaodi_is_bureau_role() OR (gaodi_role() = 'sysadmin'::text)`,
    }),
  ],
);

/**
 * The working calendar an office loads per year: the days that differ from Monday–Friday — public
 * holidays (is_working false) and adjusted working days on a weekend (调休, is_working true).
 */
export const workingCalendarDays = pgTable(
  'working_calendar_days',
  {
    regionCode: text('region_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    isWorking: boolean('is_working').notNull(),
    name: text('name').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.day] }),
    ...tenantPolicies(),
    restrict('working_calendar_days_office', 'all', {
      using: sql`gaodi_is_bureau_role() OR (gaodi_role() = 'sysadmin'::text)`,
    }),
  ],
);
