import {
  ASSESSMENT_GRADES,
  PARTNER_KINDS,
  PARTNER_ROLES,
  PLATFORM_KINDS,
  PLATFORM_TIERS,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
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

/**
 * Innovation platforms (创新平台). Partners are rows of `platform_partners`; the enterprise and
 * institute ids are copied here (`partner_*_ids`) for row-level security, as projects do, so a
 * partner's user sees the platform without a policy that reads another table.
 */
export const platforms = pgTable(
  'platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    /** 1+4+N: comprehensive (the 1), leading (the 4), other (the N). */
    tier: text('tier').notNull().default('other'),
    industryId: uuid('industry_id').references(() => industries.id),
    partners: text('partners').array().notNull().default([]),
    city: text('city').notNull().default(''),
    establishedOn: date('established_on', { mode: 'string' }),
    description: text('description').notNull().default(''),
    partnerEnterpriseIds: uuid('partner_enterprise_ids').array().notNull().default([]),
    partnerInstituteIds: uuid('partner_institute_ids').array().notNull().default([]),
    /**
     * Derived, never written by the application: the years the platform operates in (its newest
     * evidence of the year or the year before meets the region's criteria) and its newest evidence
     * year. Kept by the evidence and criteria triggers (migration 0029) in the writer's transaction.
     */
    operatingYears: integer('operating_years').array().notNull().default([]),
    latestEvidenceYear: integer('latest_evidence_year'),
    /** Derived: the grade of the newest assessment (kept by the assessment trigger). */
    latestGrade: text('latest_grade'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    index('platforms_region_name_idx').on(t.regionCode, t.name),
    index('platforms_region_industry_idx').on(t.regionCode, t.industryId),
    index('platforms_partner_enterprises_idx').using('gin', t.partnerEnterpriseIds),
    index('platforms_partner_institutes_idx').using('gin', t.partnerInstituteIds),
    index('platforms_operating_years_idx').using('gin', t.operatingYears),
    oneOf('platforms_kind_known', t.kind, PLATFORM_KINDS),
    oneOf('platforms_tier_known', t.tier, PLATFORM_TIERS),
    ...tenantPolicies(),
    restrict('platforms_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platforms_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('platforms_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platforms_own_org', 'all', {
      using: sql`CASE gaodi_role() WHEN 'enterprise'::text THEN (current_setting('gaodi.enterprise_id'::text, true) = ANY ((partner_enterprise_ids)::text[])) WHEN 'institute'::text THEN (current_setting('gaodi.institute_id'::text, true) = ANY ((partner_institute_ids)::text[])) ELSE gaodi_is_bureau_role() END`,
    }),
  ],
);

/** 校地企: the enterprises, institutes and government bodies behind a platform, each with a role. */
export const platformPartners = pgTable(
  'platform_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    role: text('role').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    instituteId: uuid('institute_id').references(() => institutes.id),
    /** A government body's name; for enterprises and institutes the directory's name at the time. */
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('platform_partners_platform_idx').on(t.platformId),
    index('platform_partners_enterprise_idx').on(t.enterpriseId),
    index('platform_partners_institute_idx').on(t.instituteId),
    oneOf('platform_partners_kind_known', t.kind, PARTNER_KINDS),
    oneOf('platform_partners_role_known', t.role, PARTNER_ROLES),
    check(
      'platform_partners_party_set',
      sql`(${t.kind} <> 'enterprise' OR ${t.enterpriseId} IS NOT NULL) AND (${t.kind} <> 'institute' OR ${t.instituteId} IS NOT NULL)`,
    ),
    ...tenantPolicies(),
    restrict('platform_partners_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platform_partners_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('platform_partners_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platform_partners_platform_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM platforms p WHERE (p.id = platform_partners.platform_id))`,
    }),
  ],
);

/** One year's proof of physical operation. Money in integer fen. */
export const platformEvidence = pgTable(
  'platform_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    staff: integer('staff').notNull(),
    areaM2: integer('area_m2').notNull(),
    equipmentFen: bigint('equipment_fen', { mode: 'number' }).notNull(),
    rdSpendingFen: bigint('rd_spending_fen', { mode: 'number' }).notNull(),
    patents: integer('patents').notNull().default(0),
    standards: integer('standards').notNull().default(0),
    products: integer('products').notNull().default(0),
    servedEnterprises: integer('served_enterprises').notNull().default(0),
    revenueFen: bigint('revenue_fen', { mode: 'number' }).notNull().default(0),
    fileIds: uuid('file_ids').array().notNull().default([]),
    note: text('note').notNull().default(''),
    /** Derived by a trigger from the region's criteria (migration 0029); recomputed when they change. */
    meetsCriteria: boolean('meets_criteria').notNull().default(false),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('platform_evidence_platform_year_uq').on(t.platformId, t.year),
    check(
      'platform_evidence_not_negative',
      sql`${t.staff} >= 0 AND ${t.areaM2} >= 0 AND ${t.equipmentFen} >= 0 AND ${t.rdSpendingFen} >= 0`,
    ),
    ...tenantPolicies(),
    restrict('platform_evidence_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platform_evidence_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('platform_evidence_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platform_evidence_platform_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM platforms p WHERE (p.id = platform_evidence.platform_id))`,
    }),
  ],
);

/** The region's criteria for 实体化运营 (one row per region; none → the built-in defaults). */
export const platformCriteria = pgTable(
  'platform_criteria',
  {
    regionCode: text('region_code').primaryKey(),
    minStaff: integer('min_staff').notNull(),
    minAreaM2: integer('min_area_m2').notNull(),
    minEquipmentFen: bigint('min_equipment_fen', { mode: 'number' }).notNull(),
    minRdSpendingFen: bigint('min_rd_spending_fen', { mode: 'number' }).notNull(),
    minOutputs: integer('min_outputs').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  () => [
    ...tenantPolicies(),
    restrict('platform_criteria_update_by_sysadmin', 'update', {
      using: sql`gaodi_role() = 'sysadmin'::text`,
    }),
    restrict('platform_criteria_write_by_sysadmin', 'insert', {
      withCheck: sql`gaodi_role() = 'sysadmin'::text`,
    }),
  ],
);

/** 考核: one grade per platform and year, with the assessor's note. */
export const platformAssessments = pgTable(
  'platform_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    grade: text('grade').notNull(),
    score: integer('score'),
    note: text('note').notNull().default(''),
    metCriteria: boolean('met_criteria').notNull(),
    assessorId: uuid('assessor_id'),
    assessorName: text('assessor_name').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('platform_assessments_platform_year_uq').on(t.platformId, t.year),
    oneOf('platform_assessments_grade_known', t.grade, ASSESSMENT_GRADES),
    ...tenantPolicies(),
    restrict('platform_assessments_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platform_assessments_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('platform_assessments_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platform_assessments_platform_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM platforms p WHERE (p.id = platform_assessments.platform_id))`,
    }),
  ],
);

/** Which cooperation projects a platform carries (the platform side owns the link). */
export const platformProjects = pgTable(
  'platform_projects',
  {
    regionCode: text('region_code').notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').notNull(),
  },
  (t) => [
    uniqueIndex('platform_projects_uq').on(t.platformId, t.projectId),
    index('platform_projects_project_idx').on(t.projectId),
    ...tenantPolicies(),
    restrict('platform_projects_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platform_projects_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('platform_projects_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('platform_projects_platform_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM platforms p WHERE (p.id = platform_projects.platform_id))`,
    }),
  ],
);
