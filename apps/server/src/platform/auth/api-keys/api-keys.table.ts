import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { restrict, tenantPolicies } from '../../db/policies.ts';

/**
 * API keys for machines (issue 16). Only the SHA-256 of the key is kept (a key is 32 random bytes:
 * a slow hash adds nothing); the key is shown once when created. Requests never read this table
 * to authenticate: `gaodi_apikey_resolve` (SECURITY DEFINER) looks a hash up without a region
 * context. Only the system administrator reads or writes keys, in their regions.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    /** The business role the key acts as (its database session's gaodi.role). */
    role: text('role').notNull(),
    /** `resource:action` entries, a subset of the role's (checked by the contract). */
    permissions: text('permissions').array().notNull(),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('api_keys_region_idx').on(t.regionCode, t.createdAt),
    ...tenantPolicies(),
    restrict('api_keys_sysadmin', 'all', {
      using: sql`gaodi_role() = 'sysadmin'`,
      withCheck: sql`gaodi_role() = 'sysadmin'`,
    }),
  ],
);
