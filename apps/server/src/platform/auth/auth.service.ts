import { createHash } from 'node:crypto';
import { type Role, Role as RoleSchema } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf } from '../db/database.ts';
import { anonymousScope, type RequestContext, type SessionUser, scopeOf } from './context.ts';
import { createDenialLog } from './denial-log.ts';
import { NO_REGION, signIn } from './sign-in.ts';

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

  /** Signs in (sign-in.ts): the same 401 for every failure, pauses per username and address. */
  const login = (input: Parameters<typeof signIn>[1]) => signIn({ db, clock, hashToken }, input);

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
    return { sessionId, user: sessionUserOf(row, role.data) };
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

/** A session row (gaodi_session_resolve / _peek) as the signed-in user. */
function sessionUserOf(row: Record<string, unknown>, role: Role): SessionUser {
  return {
    id: String(row.user_id),
    username: String(row.username),
    displayName: String(row.display_name),
    role,
    regionCode: String(row.region_code),
    activeRegionCode: String(row.active_region_code),
    csrfToken: String(row.csrf_token),
    enterpriseId: (row.enterprise_id as string | null) ?? null,
    instituteId: (row.institute_id as string | null) ?? null,
    visibleRegions: parsePgArray(row.visible_regions),
    mustChangePassword: row.must_change_password === true,
    mfa: row.mfa_pending === 'code' || row.mfa_pending === 'enrol' ? row.mfa_pending : null,
    mfaEnabled: row.mfa_enabled === true,
  };
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
