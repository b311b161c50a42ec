import { createHash, randomBytes } from 'node:crypto';
import { isMfaRequired, type Role, Role as RoleSchema } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { Lang } from '../i18n/lang.ts';
import { anonymousScope, type RequestContext, type SessionUser, scopeOf } from './context.ts';
import { createDenialLog } from './denial-log.ts';
import { dummyHash, verifyPassword } from './password.ts';

/** Sign-in pauses for a username from one client address after this many failures in a row… */
export const LOCK_AFTER_FAILURES = 5;
/** …for 1 minute, doubling with every further failure, at most a day (exponential back-off). */
export const LOCK_BASE_MINUTES = 1;
export const LOCK_MAX_MINUTES = 24 * 60;
/** Audit rows of attempts on unknown usernames carry this region: no region's staff sees them, only the national audit view. */
export const NO_REGION = '000000';

type FoundUser = {
  id: string;
  region_code: string;
  role: string;
  display_name: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | string | null;
  is_disabled: boolean;
};

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService({
  db,
  clock,
  idleMinutes,
}: {
  db: Database;
  clock: Clock;
  idleMinutes: number;
}) {
  const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

  /**
   * Signs in. Unknown usernames, wrong passwords, disabled accounts and paused sign-ins all answer
   * the same 401 after the same password-hashing work, so the answer reveals nothing about the
   * account. Failures pause sign-in per (username, client address) with exponential back-off, so
   * nobody elsewhere can lock the owner out; the owner's inbox hears of each pause.
   */
  async function login(input: { username: string; password: string; clientAddress: string; lang: Lang }) {
    const now = clock.now();
    const username = input.username.trim().toLowerCase();
    const address = input.clientAddress;
    const { found, pausedUntil } = await db.transaction(anonymousScope, async (tx) => ({
      found: rowsOf<FoundUser>(await tx.execute(sql`SELECT * FROM gaodi_auth_find_user(${username})`))[0],
      pausedUntil: rowsOf<{ until: Date | string | null }>(
        await tx.execute(sql`SELECT gaodi_auth_throttle_until(${username}, ${address}) AS until`),
      )[0]?.until,
    }));
    // Always one verification, against a dummy hash when there is no account.
    const passwordOk = await verifyPassword(found?.password_hash ?? (await dummyHash), input.password);
    const paused = pausedUntil != null && new Date(pausedUntil) > now;
    const reason = paused
      ? 'locked'
      : !found
        ? 'unknown-user'
        : found.is_disabled
          ? 'disabled'
          : !passwordOk
            ? 'bad-password'
            : null;
    if (reason || !found) {
      await db.transaction(anonymousScope, async (tx) => {
        const lockedUntil = paused
          ? null
          : rowsOf<{ until: Date | string | null }>(
              await tx.execute(
                sql`SELECT gaodi_auth_throttle_fail(${username}, ${address}, ${now.toISOString()}, ${LOCK_AFTER_FAILURES}, ${LOCK_BASE_MINUTES}, ${LOCK_MAX_MINUTES}) AS until`,
              ),
            )[0]?.until;
        await recordAudit(tx, {
          regionCode: found?.region_code ?? NO_REGION,
          at: now,
          actorId: found?.id ?? null,
          actorName: username,
          action: 'login',
          targetType: 'session',
          result: 'failed',
          clientAddress: address,
          detail: { reason, lockedUntil: lockedUntil ? new Date(lockedUntil).toISOString() : undefined },
        });
      });
      throw badCredentials();
    }
    const role = RoleSchema.safeParse(found.role);
    const mfaRequired = role.success && isMfaRequired(role.data);
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await db.transaction(anonymousScope, async (tx) => {
      await tx.execute(sql`SELECT gaodi_auth_throttle_clear(${username}, ${address})`);
      await tx.execute(
        sql`SELECT gaodi_session_open(${hashToken(token)}, ${found.id}, ${csrf}, ${now.toISOString()}, ${mfaRequired})`,
      );
      await recordAudit(tx, {
        regionCode: found.region_code,
        at: now,
        actorId: found.id,
        actorName: username,
        action: 'login',
        targetType: 'session',
        result: 'ok',
        clientAddress: address,
      });
    });
    return { token };
  }

  /** The signed-in user behind a cookie token, or null (unknown, idle too long, or disabled). */
  async function resolveSession(token: string): Promise<{ sessionId: string; user: SessionUser } | null> {
    const sessionId = hashToken(token);
    // While an import holds the embedded database, look without touching (a write would wait for it).
    const resolve = db.busy() ? sql`gaodi_session_peek` : sql`gaodi_session_resolve`;
    const row = await db.transaction(anonymousScope, async (tx) => {
      const result = await tx.execute(
        sql`SELECT * FROM ${resolve}(${sessionId}, ${clock.now().toISOString()}, ${idleMinutes})`,
      );
      return rowsOf<Record<string, unknown>>(result)[0];
    });
    if (!row) return null;
    const role = RoleSchema.safeParse(row.role);
    if (!role.success) return null;
    return {
      sessionId,
      user: {
        id: String(row.user_id),
        username: String(row.username),
        displayName: String(row.display_name),
        role: role.data as Role,
        regionCode: String(row.region_code),
        activeRegionCode: String(row.active_region_code),
        csrfToken: String(row.csrf_token),
        enterpriseId: (row.enterprise_id as string | null) ?? null,
        instituteId: (row.institute_id as string | null) ?? null,
        visibleRegions: parsePgArray(row.visible_regions),
        mustChangePassword: row.must_change_password === true,
        mfa: row.mfa_pending === 'code' || row.mfa_pending === 'enrol' ? row.mfa_pending : null,
        mfaEnabled: row.mfa_enabled === true,
      },
    };
  }

  async function logout(ctx: RequestContext) {
    if (!ctx.sessionId || !ctx.user) return;
    const user = ctx.user;
    const sessionId = ctx.sessionId;
    await db.transaction(scopeOf(user), async (tx) => {
      await tx.execute(sql`SELECT gaodi_session_close(${sessionId})`);
      await recordAudit(tx, {
        regionCode: user.regionCode,
        at: clock.now(),
        actorId: user.id,
        actorName: user.username,
        action: 'logout',
        targetType: 'session',
        result: 'ok',
        clientAddress: ctx.clientAddress,
      });
    });
  }

  async function switchRegion(ctx: RequestContext, regionCode: string): Promise<boolean> {
    if (!ctx.sessionId || !ctx.user) return false;
    const sessionId = ctx.sessionId;
    return db.transaction(scopeOf(ctx.user), async (tx) => {
      const result = await tx.execute(
        sql`SELECT gaodi_session_switch_region(${sessionId}, ${regionCode}) AS ok`,
      );
      return rowsOf<{ ok: boolean }>(result)[0]?.ok === true;
    });
  }

  /** Records a refused access (403), in its own transaction; repeats aggregated per minute (denial-log.ts). */
  const recordDenied = createDenialLog(clock, async (ctx, action, targetType, detail) => {
    await db.transaction(anonymousScope, async (tx) => {
      await recordAudit(tx, {
        regionCode: ctx.user?.regionCode ?? NO_REGION,
        at: clock.now(),
        actorId: ctx.user?.id ?? null,
        actorName: ctx.user?.username ?? 'anonymous',
        action,
        targetType,
        result: 'denied',
        clientAddress: ctx.clientAddress,
        ...(detail ? { detail } : {}),
      });
    });
  });

  return { login, resolveSession, logout, switchRegion, recordDenied };
}

function badCredentials() {
  return new AppError(401, 'BAD_CREDENTIALS', '用户名或密码错误');
}

/** node-postgres returns text[] as an array; PGlite may too, but be lenient with '{a,b}'. */
function parsePgArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}
