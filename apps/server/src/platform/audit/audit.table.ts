import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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
    /**
     * The hash chain of the row's region, filled by the BEFORE INSERT trigger gaodi_audit_chain
     * (whatever an INSERT brings is overwritten): its place, the previous row's hash and its own.
     */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    rowHash: text('row_hash'),
  },
  (t) => [
    index('audit_region_at_idx').on(t.regionCode, t.at),
    uniqueIndex('audit_region_chain_idx').on(t.regionCode, t.chainSeq),
    ...tenantPolicies(),
    allow('audit_append', 'insert', { withCheck: sql`true` }),
    restrict('audit_read_only_by_auditor', 'select', { using: sql`gaodi_role() = 'auditadmin'::text` }),
  ],
);

/**
 * The head of each region's audit chain: its last position and hash. The chain trigger locks the
 * region's row, so concurrent writers line up instead of forking the chain. Reached only by the
 * SECURITY DEFINER trigger (RLS on, no policy for gaodi_app).
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  /** The region whose chain this is (not named region_code: this is no tenant table, requests never reach it). */
  chainRegion: text('chain_region').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  lastHash: text('last_hash').notNull().default(sql`repeat('0', 64)`),
}).enableRLS();
