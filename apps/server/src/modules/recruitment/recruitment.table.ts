import { ENTRY_KINDS, GRADES, recruitmentPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { restrict, tenantPolicies } from '../../platform/db/policies.ts';
import { versioned } from '../../platform/db/row-version.ts';
import { industries, institutes } from '../directory/index.ts';

/** 招引方案: one plan per region and year, with its targets. */
export const recruitmentPlans = pgTable(
  'recruitment_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    targetRecruited: integer('target_recruited').notNull().default(0),
    targetOperating: integer('target_operating').notNull().default(0),
    targetInstituteIds: uuid('target_institute_ids').array().notNull().default([]),
    ownerId: uuid('owner_id'),
    notes: text('notes').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('recruitment_plans_region_year_uq').on(t.regionCode, t.year),
    ...tenantPolicies(),
    restrict('recruitment_plans_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** One recruitment record per institute and region, with its task force (一院所一专班). */
export const recruitmentRecords = pgTable(
  'recruitment_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    ...versioned(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id),
    grade: text('grade').notNull(),
    stage: text('stage').notNull(),
    /** The office's custom stage inside `stage` (settings' custom_stages), or null. */
    subStage: text('sub_stage'),
    cooperationMode: text('cooperation_mode').notNull().default(''),
    industryId: uuid('industry_id').references(() => industries.id),
    ownerId: uuid('owner_id').notNull(),
    taskForceLeadId: uuid('task_force_lead_id').notNull(),
    taskForceMemberIds: uuid('task_force_member_ids').array().notNull().default([]),
    isGreenChannel: boolean('is_green_channel').notNull().default(false),
    notes: text('notes').notNull().default(''),
    signedOn: date('signed_on', { mode: 'string' }),
    agreementFileId: uuid('agreement_file_id'),
    platformId: uuid('platform_id'),
    exitReason: text('exit_reason').notNull().default(''),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull(),
    /** Kept by every ledger write: the newest entry's date, next step and next date. */
    lastEntryOn: date('last_entry_on', { mode: 'string' }),
    nextStep: text('next_step').notNull().default(''),
    nextDate: date('next_date', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('recruitment_records_institute_uq').on(t.regionCode, t.instituteId),
    index('recruitment_records_region_stage_idx').on(t.regionCode, t.stage, t.updatedAt),
    index('recruitment_records_region_updated_idx').on(t.regionCode, t.updatedAt),
    index('recruitment_records_owner_idx').on(t.ownerId),
    oneOf('recruitment_records_stage_known', t.stage, recruitmentPipeline.stages),
    oneOf('recruitment_records_grade_known', t.grade, GRADES),
    ...tenantPolicies(),
    restrict('recruitment_records_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

export const recruitmentMilestones = pgTable(
  'recruitment_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => recruitmentRecords.id),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    proofFileId: uuid('proof_file_id'),
    proofNote: text('proof_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('recruitment_milestones_record_idx').on(t.recordId, t.dueOn),
    index('recruitment_milestones_open_idx').on(t.regionCode, t.dueOn).where(sql`done_on IS NULL`),
    ...tenantPolicies(),
    restrict('recruitment_milestones_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/**
 * 工作台账: append-mostly. An entry may be edited for 7 days after it is written; after that a
 * trigger refuses UPDATE and DELETE, and the service offers only a correcting entry (`corrects_id`).
 */
export const recruitmentEntries = pgTable(
  'recruitment_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => recruitmentRecords.id),
    entryOn: date('entry_on', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    participants: text('participants').notNull().default(''),
    content: text('content').notNull(),
    result: text('result').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    nextDate: date('next_date', { mode: 'string' }),
    attachmentIds: uuid('attachment_ids').array().notNull().default([]),
    correctsId: uuid('corrects_id'),
    stageFrom: text('stage_from'),
    stageTo: text('stage_to'),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('recruitment_entries_record_idx').on(t.recordId, t.entryOn),
    index('recruitment_entries_region_month_idx').on(t.regionCode, t.entryOn),
    oneOf('recruitment_entries_kind_known', t.kind, ENTRY_KINDS),
    ...tenantPolicies(),
    restrict('recruitment_entries_bureau_only', 'all', { using: sql`gaodi_is_bureau_role()` }),
  ],
);
