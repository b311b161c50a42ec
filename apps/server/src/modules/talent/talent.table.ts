import { DEGREES, EMPLOYER_KINDS, GROUP_KINDS, TALENT_MODES, TITLE_RANKS } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { enterprises, industries, institutes } from '../directory/index.ts';

/** The region's catalogue of talent programmes (泰山产业领军人才, 泰山学者…). */
export const talentProgrammes = pgTable(
  'talent_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    /** Holders count as leading talents (领军人才) in the figures. */
    isLeading: boolean('is_leading').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('talent_programmes_region_name_uq').on(t.regionCode, t.name),
    ...tenantPolicies(),
    restrict('talent_programmes_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('talent_programmes_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('talent_programmes_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/** Talent groups: 人才联盟, 博士团… */
export const talentGroups = pgTable(
  'talent_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [
    uniqueIndex('talent_groups_region_name_uq').on(t.regionCode, t.name),
    oneOf('talent_groups_kind_known', t.kind, GROUP_KINDS),
    ...tenantPolicies(),
    restrict('talent_groups_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('talent_groups_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('talent_groups_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
  ],
);

/**
 * Talents. Phone and ID number are AES-256-GCM envelopes (platform/crypto, bound to their column);
 * `id_number_hash` is a keyed HMAC of the ID number, for de-duplication without decrypting.
 * Links to groups, platforms, projects and recruitment records are id arrays (GIN-indexed), as
 * projects keep their parties' ids.
 */
export const talents = pgTable(
  'talents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    birthYear: integer('birth_year'),
    degree: text('degree').notNull(),
    title: text('title').notNull().default(''),
    titleRank: text('title_rank').notNull().default('none'),
    employerKind: text('employer_kind').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    instituteId: uuid('institute_id').references(() => institutes.id),
    employerPlatformId: uuid('employer_platform_id'),
    employerName: text('employer_name').notNull().default(''),
    field: text('field').notNull().default(''),
    industryId: uuid('industry_id').references(() => industries.id),
    phoneCipher: text('phone_cipher'),
    idNumberCipher: text('id_number_cipher'),
    idNumberHash: text('id_number_hash'),
    mode: text('mode').notNull(),
    arrivedOn: date('arrived_on', { mode: 'string' }),
    groupIds: uuid('group_ids').array().notNull().default([]),
    platformIds: uuid('platform_ids').array().notNull().default([]),
    projectIds: uuid('project_ids').array().notNull().default([]),
    recruitmentIds: uuid('recruitment_ids').array().notNull().default([]),
    /** Sees the phone and ID number unmasked (the staff member who registered the talent). */
    ownerId: uuid('owner_id'),
    /**
     * Derived, never written by the application (trigger, migration 0029): the years the talent
     * was selected into a leading programme (领军人才), and whether they are high-level (a
     * doctorate, a 副高级+ title or any programme) — the figures and lists read these.
     */
    leadingYears: integer('leading_years').array().notNull().default([]),
    isHighLevel: boolean('is_high_level').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('talents_region_name_idx').on(t.regionCode, t.name),
    index('talents_region_industry_idx').on(t.regionCode, t.industryId),
    index('talents_leading_years_idx').using('gin', t.leadingYears),
    index('talents_arrived_on_idx').on(t.arrivedOn),
    uniqueIndex('talents_region_id_number_uq').on(t.regionCode, t.idNumberHash),
    index('talents_platforms_idx').using('gin', t.platformIds),
    index('talents_projects_idx').using('gin', t.projectIds),
    index('talents_groups_idx').using('gin', t.groupIds),
    index('talents_enterprise_idx').on(t.enterpriseId),
    index('talents_institute_idx').on(t.instituteId),
    oneOf('talents_degree_known', t.degree, DEGREES),
    oneOf('talents_title_rank_known', t.titleRank, TITLE_RANKS),
    oneOf('talents_employer_kind_known', t.employerKind, EMPLOYER_KINDS),
    oneOf('talents_mode_known', t.mode, TALENT_MODES),
    check('talents_arrival_dated', sql`${t.mode} <> 'arrival' OR ${t.arrivedOn} IS NOT NULL`),
    ...tenantPolicies(),
    restrict('talents_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('talents_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('talents_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('talents_own_org', 'all', {
      using: sql`CASE gaodi_role() WHEN 'enterprise'::text THEN ((enterprise_id)::text = current_setting('gaodi.enterprise_id'::text, true)) WHEN 'institute'::text THEN ((institute_id)::text = current_setting('gaodi.institute_id'::text, true)) ELSE gaodi_is_bureau_role() END`,
    }),
  ],
);

/** A programme a talent was selected into, in a year (one row per programme and year). */
export const talentAwards = pgTable(
  'talent_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => talents.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => talentProgrammes.id),
    year: integer('year').notNull(),
  },
  (t) => [
    uniqueIndex('talent_awards_uq').on(t.talentId, t.programmeId, t.year),
    index('talent_awards_programme_year_idx').on(t.programmeId, t.year),
    ...tenantPolicies(),
    restrict('talent_awards_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('talent_awards_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('talent_awards_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('talent_awards_talent_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM talents t WHERE (t.id = talent_awards.talent_id))`,
    }),
  ],
);
