import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { allow, restrict, tenantPolicies } from '../db/policies.ts';

/** Append-only: the application role may INSERT and SELECT (audit admins only), never UPDATE or DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: text('region_code').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    result: text('result', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    clientAddress: text('client_address'),
    detail: jsonb('detail'),
  },
  (t) => [
    index('audit_region_at_idx').on(t.regionCode, t.at),
    ...tenantPolicies(),
    allow('audit_append', 'insert', { withCheck: sql`true` }),
    restrict('audit_read_only_by_auditor', 'select', { using: sql`gaodi_role() = 'auditadmin'::text` }),
  ],
);
