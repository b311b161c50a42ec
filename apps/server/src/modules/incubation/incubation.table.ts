import { CARRIER_KINDS, CERT_LEVELS, INCUBATEE_STAGES } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { allow, restrict, tenantPolicies, visibleSql } from '../../platform/db/policies.ts';

/**
 * Carriers (载体). `region_code` is the office that runs it and counts it; `location_region_code`
 * is the enclave city where it sits (北京大兴), whose office co-manages it and may read it.
 */
export const incubationCarriers = pgTable(
  'incubation_carriers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    certLevel: text('cert_level').notNull().default('none'),
    certYear: integer('cert_year'),
    operator: text('operator').notNull().default(''),
    address: text('address').notNull().default(''),
    areaM2: doublePrecision('area_m2').notNull().default(0),
    seats: integer('seats').notNull().default(0),
    rooms: integer('rooms').notNull().default(0),
    industryIds: uuid('industry_ids').array().notNull().default([]),
    locationRegionCode: text('location_region_code'),
    partnerInstituteIds: uuid('partner_institute_ids').array().notNull().default([]),
    mentorTalentIds: uuid('mentor_talent_ids').array().notNull().default([]),
    services: text('services').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('incubation_carriers_region_name_uq').on(t.regionCode, t.name),
    index('incubation_carriers_location_idx').on(t.locationRegionCode),
    oneOf('incubation_carriers_kind_known', t.kind, CARRIER_KINDS),
    oneOf('incubation_carriers_cert_known', t.certLevel, CERT_LEVELS),
    ...tenantPolicies(),
    restrict('incubation_carriers_bureau', 'all', {
      using: sql`gaodi_is_bureau_role() OR (gaodi_role() = 'enterprise'::text)`,
    }),
    restrict('incubation_carriers_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('incubation_carriers_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('incubation_carriers_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    allow('incubation_carriers_location', 'select', { using: visibleSql('location_region_code') }),
  ],
);

/** Capacity used over time: seats and m² on a day. */
export const carrierOccupancy = pgTable(
  'carrier_occupancy',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    carrierId: uuid('carrier_id')
      .notNull()
      .references(() => incubationCarriers.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).notNull(),
    seatsUsed: integer('seats_used').notNull(),
    areaUsed: doublePrecision('area_used').notNull(),
  },
  (t) => [
    uniqueIndex('carrier_occupancy_uq').on(t.carrierId, t.on),
    ...tenantPolicies(),
    restrict('carrier_occupancy_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('carrier_occupancy_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('carrier_occupancy_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    allow('carrier_occupancy_via_carrier', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM incubation_carriers c WHERE (c.id = carrier_occupancy.carrier_id))`,
    }),
  ],
);

/**
 * Incubatees (在孵主体): one identity from a team without a licence to a registered enterprise,
 * across every carrier and city. `region_code` is where it is counted (the county where it
 * lands); `rd_region_code` the enclave city that incubated it, whose office reads it too.
 */
export const incubatees = pgTable(
  'incubatees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    enterpriseId: uuid('enterprise_id'),
    stage: text('stage').notNull(),
    subStage: text('sub_stage'),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull(),
    carrierId: uuid('carrier_id').references(() => incubationCarriers.id),
    space: text('space').notNull().default(''),
    contact: text('contact').notNull().default(''),
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    rdRegionCode: text('rd_region_code'),
    landedOn: date('landed_on', { mode: 'string' }),
    graduatedOn: date('graduated_on', { mode: 'string' }),
    criteria: text('criteria').notNull().default(''),
    exitReason: text('exit_reason').notNull().default(''),
    exitedOn: date('exited_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('incubatees_region_credit_code_uq').on(t.regionCode, t.creditCode),
    index('incubatees_region_stage_idx').on(t.regionCode, t.stage),
    index('incubatees_carrier_idx').on(t.carrierId),
    index('incubatees_rd_region_idx').on(t.rdRegionCode),
    oneOf('incubatees_stage_known', t.stage, INCUBATEE_STAGES),
    check(
      'incubatees_graduated_after_entry',
      sql`${t.graduatedOn} IS NULL OR ${t.graduatedOn} >= ${t.enteredOn}`,
    ),
    ...tenantPolicies(),
    restrict('incubatees_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('incubatees_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('incubatees_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('incubatees_own_org', 'all', {
      using: sql`CASE gaodi_role() WHEN 'enterprise'::text THEN ((enterprise_id)::text = current_setting('gaodi.enterprise_id'::text, true)) ELSE gaodi_is_bureau_role() END`,
    }),
    allow('incubatees_rd_site', 'select', { using: visibleSql('rd_region_code') }),
  ],
);

/** The chain path: every entry and move, with the carrier it went to. */
export const incubateeMoves = pgTable(
  'incubatee_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    incubateeId: uuid('incubatee_id')
      .notNull()
      .references(() => incubatees.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    carrierId: uuid('carrier_id').references(() => incubationCarriers.id),
    text: text('text').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('incubatee_moves_incubatee_idx').on(t.incubateeId, t.at),
    index('incubatee_moves_on_idx').on(t.regionCode, t.on),
    ...tenantPolicies(),
    restrict('incubatee_moves_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('incubatee_moves_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('incubatee_moves_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('incubatee_moves_incubatee_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_moves.incubatee_id))`,
    }),
    allow('incubatee_moves_via_incubatee', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_moves.incubatee_id))`,
    }),
  ],
);

/** Visits (走访): date, who, notes, problems raised. */
export const incubateeVisits = pgTable(
  'incubatee_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    incubateeId: uuid('incubatee_id')
      .notNull()
      .references(() => incubatees.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).notNull(),
    visitor: text('visitor').notNull(),
    notes: text('notes').notNull().default(''),
    problems: text('problems').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('incubatee_visits_incubatee_idx').on(t.incubateeId, t.on),
    ...tenantPolicies(),
    restrict('incubatee_visits_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    restrict('incubatee_visits_bureau_inserts', 'insert', { withCheck: sql`gaodi_is_bureau_role()` }),
    restrict('incubatee_visits_bureau_updates', 'update', { using: sql`gaodi_is_bureau_role()` }),
    restrict('incubatee_visits_incubatee_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_visits.incubatee_id))`,
    }),
    allow('incubatee_visits_via_incubatee', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_visits.incubatee_id))`,
    }),
  ],
);

/** Quarterly reports: revenue, staff, R&D spend, IP, financing (one per quarter). */
export const incubateeReports = pgTable(
  'incubatee_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    incubateeId: uuid('incubatee_id')
      .notNull()
      .references(() => incubatees.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    revenue: doublePrecision('revenue').notNull(),
    staff: integer('staff').notNull(),
    rdSpend: doublePrecision('rd_spend').notNull(),
    ipCount: integer('ip_count').notNull(),
    financing: doublePrecision('financing').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('incubatee_reports_uq').on(t.incubateeId, t.year, t.quarter),
    check('incubatee_reports_quarter', sql`${t.quarter} BETWEEN 1 AND 4`),
    ...tenantPolicies(),
    restrict('incubatee_reports_bureau_deletes', 'delete', { using: sql`gaodi_is_bureau_role()` }),
    // Reports are entered by the carrier's office or by the incubatee itself (its enterprise user;
    // incubatees_own_org and incubatee_reports_incubatee_visible narrow it to its own incubatee; the
    // names are the older bureau-only ones).
    restrict('incubatee_reports_bureau_inserts', 'insert', {
      withCheck: sql`gaodi_is_bureau_role() OR gaodi_role() = 'enterprise'`,
    }),
    restrict('incubatee_reports_bureau_updates', 'update', {
      using: sql`gaodi_is_bureau_role() OR gaodi_role() = 'enterprise'`,
    }),
    restrict('incubatee_reports_incubatee_visible', 'all', {
      using: sql`EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_reports.incubatee_id))`,
    }),
    allow('incubatee_reports_via_incubatee', 'select', {
      using: sql`EXISTS ( SELECT 1 FROM incubatees i WHERE (i.id = incubatee_reports.incubatee_id))`,
    }),
  ],
);
