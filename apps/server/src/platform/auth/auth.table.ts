import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { allow, appRole, restrict, tenantPolicies } from '../db/policies.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    phone: text('phone'),
    /** Bound organisation for enterprise users and institute partners. */
    enterpriseId: uuid('enterprise_id'),
    instituteId: uuid('institute_id'),
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    isDisabled: boolean('is_disabled').notNull().default(false),
    /** An initial or reset password: nothing but changing it works until it is changed. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Hashes of the last passwords (newest first, the current one included): none may be chosen again. */
    passwordHistory: text('password_history').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_region_idx').on(t.regionCode),
    ...tenantPolicies(),
    restrict('users_insert_by_admins', 'insert', {
      withCheck: sql`gaodi_role() = ANY (ARRAY['sysadmin'::text, 'secadmin'::text])`,
    }),
    restrict('users_never_deleted', 'delete', { using: sql`false` }),
    allow('users_self', 'select', { using: sql`(id)::text = current_setting('gaodi.user_id'::text, true)` }),
    restrict('users_update_by_admins', 'update', {
      using: sql`gaodi_role() = ANY (ARRAY['sysadmin'::text, 'secadmin'::text])`,
    }),
  ],
);

/**
 * Server-side sessions. The id is the SHA-256 of the cookie token, so a leaked table does not
 * leak live tokens. The application role has no grant on this table: it goes through the
 * SECURITY DEFINER functions of the security migration.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    activeRegionCode: text('active_region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** 'code': the second step is still due; 'enrol': the user must set up two-step sign-in first. */
    mfaPending: text('mfa_pending', { enum: ['code', 'enrol'] }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per (username, client address), whether or not the username exists: the lock
 * one client earns does not lock the account for anyone else, and an unknown name locks like a
 * real one. Reached only through SECURITY DEFINER functions (RLS on, no policy for gaodi_app).
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    username: text('username').notNull(),
    clientAddress: text('client_address').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.clientAddress] })],
).enableRLS();

/**
 * Who may create, change, disable… which role's accounts: packages/contracts ACCOUNT_RULES, copied
 * by a migration so the database enforces it too (a test checks both agree). `approver_role` set →
 * the change waits for an administrator of that role (two-person rule).
 */
export const accountRules = pgTable(
  'account_rules',
  {
    actorRole: text('actor_role').notNull(),
    targetRole: text('target_role').notNull(),
    action: text('action').notNull(),
    approverRole: text('approver_role'),
  },
  (t) => [
    primaryKey({ columns: [t.actorRole, t.targetRole, t.action] }),
    allow('account_rules_read', 'select', { using: sql`true` }, appRole),
  ],
);

/** A change to an administrator account that waits for a second administrator (two-person rule). */
export const accountRequests = pgTable(
  'account_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    action: text('action').notNull(),
    /** Null for a new account (its username is in the payload). */
    targetUserId: uuid('target_user_id').references(() => users.id),
    targetUsername: text('target_username').notNull(),
    targetRole: text('target_role').notNull(),
    /** What to apply: the new account or the changed fields (a password hash for a new account). */
    payload: jsonb('payload').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requesterRole: text('requester_role').notNull(),
    approverRole: text('approver_role').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('account_requests_status_idx').on(t.status, t.requestedAt),
    ...tenantPolicies(),
    restrict('account_requests_admins_read', 'select', {
      using: sql`gaodi_role() = ANY (ARRAY['sysadmin'::text, 'secadmin'::text])`,
    }),
    restrict('account_requests_decided_by_other', 'update', {
      using: sql`(status = 'pending'::text) AND (approver_role = gaodi_role()) AND ((requested_by)::text <> current_setting('gaodi.user_id'::text, true))`,
      withCheck: sql`(status = ANY (ARRAY['approved'::text, 'rejected'::text])) AND ((decided_by)::text = current_setting('gaodi.user_id'::text, true))`,
    }),
    restrict('account_requests_filed_as_self', 'insert', {
      withCheck: sql`(status = 'pending'::text) AND (decided_by IS NULL) AND ((requested_by)::text = current_setting('gaodi.user_id'::text, true)) AND (requester_role = gaodi_role()) AND (approver_role IN ( SELECT r.approver_role FROM account_rules r WHERE ((r.actor_role = gaodi_role()) AND (r.action = account_requests.action))))`,
    }),
    restrict('account_requests_never_deleted', 'delete', { using: sql`false` }),
  ],
);

/**
 * Two-step sign-in (TOTP, RFC 6238) of one user. The secret is a platform/crypto envelope bound to
 * the user; recovery codes are kept as keyed hashes. Reached only through the SECURITY DEFINER
 * functions `gaodi_mfa_*` (RLS on, no grant for gaodi_app), like sessions.
 */
export const userMfa = pgTable('user_mfa', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The confirmed secret (null until the first code confirms an enrolment). */
  secret: text('secret'),
  /** A secret shown for enrolment, not yet confirmed by a code. */
  pendingSecret: text('pending_secret'),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** The last time steps whose codes were accepted: a code is accepted once (RFC 6238 §5.2). */
  usedSteps: bigint('used_steps', { mode: 'number' }).array().notNull().default([]),
  recoveryHashes: text('recovery_hashes').array().notNull().default([]),
  failures: integer('failures').notNull().default(0),
  pausedUntil: timestamp('paused_until', { withTimezone: true }),
}).enableRLS();
