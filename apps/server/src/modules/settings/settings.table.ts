import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { allow, appRole, restrict, tenantPolicies } from '../../platform/db/policies.ts';

/**
 * An office's names for the stages of its pipelines (阶段名称). The stage codes are fixed; a row
 * renames one stage (`label`) and/or says what it means here (`description`) for this region and,
 * unless a region below names it again, for every region below (city → its counties). A null
 * field inherits. The regions below read a row too (names resolve upward); only the system
 * administrator writes (policies in 0010_stage_labels_security.sql).
 */
export const stageLabels = pgTable(
  'stage_labels',
  {
    regionCode: text('region_code').notNull(),
    /** recruitment | need | project */
    pipeline: text('pipeline').notNull(),
    stage: text('stage').notNull(),
    label: text('label'),
    description: text('description'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ name: 'stage_labels_pk', columns: [t.regionCode, t.pipeline, t.stage] }),
    check('stage_labels_label_length', sql`${t.label} IS NULL OR char_length(${t.label}) BETWEEN 1 AND 12`),
    check('stage_labels_something_set', sql`${t.label} IS NOT NULL OR ${t.description} IS NOT NULL`),
    ...tenantPolicies(),
    restrict('stage_labels_delete_by_sysadmin', 'delete', { using: sql`gaodi_role() = 'sysadmin'::text` }),
    allow('stage_labels_from_above', 'select', {
      using: sql`region_code IN ( SELECT unnest(gaodi_ancestor_regions()) AS unnest)`,
    }),
    restrict('stage_labels_insert_by_sysadmin', 'insert', {
      withCheck: sql`gaodi_role() = 'sysadmin'::text`,
    }),
    restrict('stage_labels_update_by_sysadmin', 'update', { using: sql`gaodi_role() = 'sysadmin'::text` }),
  ],
);

/**
 * Stages an office adds to a pipeline (e.g. 尽职调查 inside 洽谈, before 签约). A custom stage
 * refines one built-in stage: records in it stay in the built-in stage for every rule and figure
 * and carry the custom code as their sub-stage. Like names, a city's custom stages reach its
 * counties; only the system administrator writes.
 */
export const customStages = pgTable(
  'custom_stages',
  {
    regionCode: text('region_code').notNull(),
    pipeline: text('pipeline').notNull(),
    /** c_ + a short ascii code, unique per pipeline along the region chain. */
    code: text('code').notNull(),
    refines: text('refines').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    isRetired: boolean('is_retired').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ name: 'custom_stages_pk', columns: [t.regionCode, t.pipeline, t.code] }),
    check('custom_stages_code_shape', sql`${t.code} ~ '^c_[a-z0-9_]{1,30}$'`),
    check('custom_stages_label_length', sql`char_length(${t.label}) BETWEEN 1 AND 12`),
    ...tenantPolicies(),
    restrict('custom_stages_delete_by_sysadmin', 'delete', { using: sql`gaodi_role() = 'sysadmin'::text` }),
    allow(
      'custom_stages_from_above',
      'select',
      { using: sql`region_code IN ( SELECT unnest(gaodi_ancestor_regions()) AS unnest)` },
      appRole,
    ),
    restrict('custom_stages_insert_by_sysadmin', 'insert', {
      withCheck: sql`gaodi_role() = 'sysadmin'::text`,
    }),
    restrict('custom_stages_update_by_sysadmin', 'update', { using: sql`gaodi_role() = 'sysadmin'::text` }),
  ],
);
