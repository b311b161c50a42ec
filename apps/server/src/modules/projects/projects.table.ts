import { PROJECT_KINDS, projectPipeline } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf, onOrAfter } from '../../platform/db/checks.ts';
import { allow, restrict, tenantPolicies, visibleSql } from '../../platform/db/policies.ts';
import { versioned } from '../../platform/db/row-version.ts';
import { enterprises, institutes } from '../directory/index.ts';
import { matchmakingEvents, needPairings, techNeeds } from '../matchmaking/index.ts';

/**
 * 合作项目. `region_code` is the commercialisation site: the project is counted there, once. The
 * R&D site (`rd_region_code`) may be another region (an enclave, e.g. Beijing 大兴); a second
 * permissive SELECT policy lets that region read the project too, never write it.
 */
export const cooperationProjects = pgTable(
  'cooperation_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    ...versioned(),
    rdRegionCode: text('rd_region_code').notNull(),
    title: text('title').notNull(),
    /** Title (and keywords), full pinyin and pinyin initials, lower case (searchTextOf); '' until written. */
    searchText: text('search_text').notNull().default(''),
    kind: text('kind').notNull(),
    stage: text('stage').notNull(),
    /** The office's custom stage inside `stage` (settings' custom_stages), or null. */
    subStage: text('sub_stage'),
    contractNo: text('contract_no').notNull().default(''),
    /** Contract amount in integer fen. */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    signedOn: date('signed_on', { mode: 'string' }),
    landedOn: date('landed_on', { mode: 'string' }),
    landedPlace: text('landed_place').notNull().default(''),
    stoppedReason: text('stopped_reason').notNull().default(''),
    sourceEventId: uuid('source_event_id').references(() => matchmakingEvents.id),
    sourcePairingId: uuid('source_pairing_id').references(() => needPairings.id),
    needId: uuid('need_id').references(() => techNeeds.id),
    /** Denormalised from project_parties for row-level security (own-organisation narrowing). */
    enterpriseIds: uuid('enterprise_ids').array().notNull().default([]),
    instituteIds: uuid('institute_ids').array().notNull().default([]),
    isGreenChannel: boolean('is_green_channel').notNull().default(false),
    description: text('description').notNull().default(''),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull(),
    /** Kept by every progress entry: its day and the next date it promises. */
    lastEntryOn: date('last_entry_on', { mode: 'string' }),
    nextDate: date('next_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('cooperation_projects_region_stage_idx').on(t.regionCode, t.stage),
    index('cooperation_projects_rd_region_idx').on(t.rdRegionCode),
    // The indicators count and list a region's projects by signing and landing date.
    index('cooperation_projects_region_signed_idx').on(t.regionCode, t.signedOn),
    index('cooperation_projects_region_landed_idx').on(t.regionCode, t.landedOn),
    index('cooperation_projects_event_idx').on(t.sourceEventId),
    // A pairing produces at most one project: a second 签约立项 from it is refused (409).
    uniqueIndex('cooperation_projects_pairing_uq').on(t.sourcePairingId),
    oneOf('cooperation_projects_stage_known', t.stage, projectPipeline.stages),
    oneOf('cooperation_projects_kind_known', t.kind, PROJECT_KINDS),
    onOrAfter('cooperation_projects_landed_after_signed', t.signedOn, t.landedOn),
    ...tenantPolicies(),
    restrict('cooperation_projects_own_org', 'all', {
      using: sql`CASE gaodi_role() WHEN 'enterprise'::text THEN (current_setting('gaodi.enterprise_id'::text, true) = ANY ((enterprise_ids)::text[])) WHEN 'institute'::text THEN (current_setting('gaodi.institute_id'::text, true) = ANY ((institute_ids)::text[])) ELSE gaodi_is_bureau_role() END`,
    }),
    allow('cooperation_projects_rd_site', 'select', { using: visibleSql('rd_region_code') }),
  ],
);

export const projectParties = pgTable(
  'project_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => cooperationProjects.id),
    /** enterprise | institute */
    partyKind: text('party_kind').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    instituteId: uuid('institute_id').references(() => institutes.id),
  },
  (t) => [
    uniqueIndex('project_parties_enterprise_uq').on(t.projectId, t.enterpriseId),
    uniqueIndex('project_parties_institute_uq').on(t.projectId, t.instituteId),
    ...tenantPolicies(),
    restrict('project_parties_project_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_parties.project_id))`,
    }),
    allow('project_parties_via_project', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_parties.project_id))`,
    }),
  ],
);

/**
 * 帮办专员 assignments. The partial unique index is the invariant "exactly one current helper per
 * project": a second open assignment cannot be inserted, whatever the application does.
 */
export const projectHelperAssignments = pgTable(
  'project_helper_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => cooperationProjects.id),
    helperId: uuid('helper_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    assignedBy: uuid('assigned_by'),
    reason: text('reason').notNull().default(''),
  },
  (t) => [
    uniqueIndex('project_helper_current_uq').on(t.projectId).where(sql`ended_at IS NULL`),
    index('project_helper_helper_idx').on(t.helperId),
    ...tenantPolicies(),
    restrict('project_helpers_project_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_helper_assignments.project_id))`,
    }),
    allow('project_helpers_via_project', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_helper_assignments.project_id))`,
    }),
  ],
);

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => cooperationProjects.id),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [
    index('project_milestones_project_idx').on(t.projectId),
    ...tenantPolicies(),
    restrict('project_milestones_project_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_milestones.project_id))`,
    }),
    allow('project_milestones_via_project', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_milestones.project_id))`,
    }),
  ],
);

/** Outputs: patents, products, revenue (fen). */
export const projectOutputs = pgTable(
  'project_outputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => cooperationProjects.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    index('project_outputs_project_idx').on(t.projectId),
    ...tenantPolicies(),
    restrict('project_outputs_project_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_outputs.project_id))`,
    }),
    allow('project_outputs_via_project', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_outputs.project_id))`,
    }),
  ],
);

/** The project's timeline: progress notes and every stage change (the supervision activity). */
export const projectEntries = pgTable(
  'project_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => cooperationProjects.id),
    /** progress | stage | handover */
    kind: text('kind').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    stageFrom: text('stage_from'),
    stageTo: text('stage_to'),
    nextDate: date('next_date', { mode: 'string' }),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('project_entries_project_idx').on(t.projectId, t.createdAt),
    ...tenantPolicies(),
    restrict('project_entries_project_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_entries.project_id))`,
    }),
    allow('project_entries_via_project', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM cooperation_projects p WHERE (p.id = project_entries.project_id))`,
    }),
  ],
);
