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
import { versioned } from '../../platform/db/row-version.ts';

const audited = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  /** Soft delete: set → hidden from lists, restorable. */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
};

/** Industry taxonomy per region: the leading industries ("1+4+N") and any others. */
export const industries = pgTable(
  'industries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    isLeading: boolean('is_leading').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('industries_region_code_uq').on(t.regionCode, t.code), ...tenantPolicies()],
);

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    ...versioned(),
    /** 统一社会信用代码, 18 characters, GB 32100-2015 check digit verified on input. */
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    /** Name, full pinyin and pinyin initials, lower case, for search. */
    searchText: text('search_text').notNull(),
    industryId: uuid('industry_id').references(() => industries.id),
    scale: text('scale').notNull(),
    address: text('address').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    ...audited,
  },
  (t) => [
    uniqueIndex('enterprises_region_credit_uq').on(t.regionCode, t.creditCode),
    index('enterprises_region_name_idx').on(t.regionCode, t.name),
    ...tenantPolicies(),
    restrict('enterprises_own_only', 'all', {
      using: sql`(gaodi_role() <> 'enterprise'::text) OR ((id)::text = current_setting('gaodi.enterprise_id'::text, true))`,
    }),
  ],
);

export const institutes = pgTable(
  'institutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    ...versioned(),
    name: text('name').notNull(),
    searchText: text('search_text').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    city: text('city').notNull().default(''),
    /** Short names people search by (北工大, 山大, 中科院); in search_text with their pinyin. */
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    ...audited,
  },
  (t) => [
    uniqueIndex('institutes_region_name_uq').on(t.regionCode, t.name),
    ...tenantPolicies(),
    restrict('institutes_own_only', 'all', {
      using: sql`(gaodi_role() <> 'institute'::text) OR ((id)::text = current_setting('gaodi.institute_id'::text, true))`,
    }),
  ],
);

export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    instituteId: uuid('institute_id')
      .notNull()
      .references(() => institutes.id),
    name: text('name').notNull(),
    searchText: text('search_text').notNull(),
    title: text('title').notNull().default(''),
    field: text('field').notNull().default(''),
    phone: text('phone').notNull().default(''),
    ...audited,
  },
  (t) => [
    index('experts_institute_idx').on(t.instituteId),
    ...tenantPolicies(),
    restrict('experts_own_institute_only', 'all', {
      using: sql`(gaodi_role() <> 'institute'::text) OR ((institute_id)::text = current_setting('gaodi.institute_id'::text, true))`,
    }),
  ],
);
