import { createHash, randomBytes } from 'node:crypto';
import { type ApiKey, type ApiKeyCreateInput, ApiKeyRole } from '@gaodi/contracts';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordUserAction } from '../../audit/audit.ts';
import type { Clock } from '../../clock.ts';
import { type Database, rowsOf } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { anonymousScope, type SessionUser, type UserContext } from '../context.ts';
import { apiKeys } from './api-keys.table.ts';

/** A key as the caller sends it: `gd_` and 43 characters of base64url (32 random bytes). */
export const API_KEY_PATTERN = /^gd_[A-Za-z0-9_-]{43}$/;
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
type Deps = { db: Database; clock: Clock };

/** The system administrator's keys and the lookup of a machine's key, bound to the database once. */
export function createApiKeyService(deps: Deps) {
  return {
    createApiKey: (ctx: UserContext, input: ApiKeyCreateInput) => createApiKey(deps, ctx, input),
    listApiKeys: (ctx: UserContext) => listApiKeys(deps, ctx),
    revokeApiKey: (ctx: UserContext, id: string) => revokeApiKey(deps, ctx, id),
    resolveApiKey: (key: string) => resolveApiKey(deps, key),
  };
}

/** Creates a key in one of the administrator's regions; the answer carries the key this once. */
async function createApiKey({ db, clock }: Deps, ctx: UserContext, input: ApiKeyCreateInput) {
  if (!ctx.user.visibleRegions.includes(input.regionCode))
    throw new AppError(400, 'VALIDATION', '只能为自己管辖的区域创建密钥', [
      { path: 'regionCode', message: '只能为自己管辖的区域创建密钥' },
    ]);
  const now = clock.now();
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= now || expiresAt.getTime() - now.getTime() > 2 * 366 * 86_400_000)
    throw new AppError(400, 'VALIDATION', '到期时间应在今后两年之内', [
      { path: 'expiresAt', message: '到期时间应在今后两年之内' },
    ]);
  const secret = `gd_${randomBytes(32).toString('base64url')}`;
  const row = await db.transaction(ctx.scope, async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        regionCode: input.regionCode,
        name: input.name,
        prefix: secret.slice(0, 11),
        keyHash: hashKey(secret),
        role: input.role,
        permissions: [...new Set(input.permissions)].sort(),
        rateLimitPerMinute: input.rateLimitPerMinute,
        expiresAt,
        createdAt: now,
        createdBy: ctx.user.id,
        createdByName: ctx.user.username,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await recordUserAction(tx, ctx, now, {
      action: 'create',
      targetType: 'api_key',
      targetId: created.id,
      detail: { name: created.name, role: created.role, permissions: created.permissions },
    });
    return created;
  });
  return { apiKey: toApiKey(row, now), secret };
}

async function listApiKeys({ db, clock }: Deps, ctx: UserContext): Promise<ApiKey[]> {
  const now = clock.now();
  const rows = await db.transaction(ctx.scope, (tx) =>
    tx
      .select()
      .from(apiKeys)
      .where(inArray(apiKeys.regionCode, [...ctx.user.visibleRegions]))
      .orderBy(desc(apiKeys.createdAt)),
  );
  return rows.map((r) => toApiKey(r, now));
}

async function revokeApiKey({ db, clock }: Deps, ctx: UserContext, id: string): Promise<ApiKey> {
  const now = clock.now();
  return db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning();
    const current = row ?? (await tx.select().from(apiKeys).where(eq(apiKeys.id, id)))[0];
    if (!current) throw notFound(ctx.lang);
    if (row)
      await recordUserAction(tx, ctx, now, {
        action: 'revoke',
        targetType: 'api_key',
        targetId: id,
        detail: { name: row.name },
      });
    return toApiKey(current, now);
  });
}

/** The machine behind a key, as a user of the key's role in the key's region; null if unusable. */
async function resolveApiKey({ db, clock }: Deps, key: string): Promise<SessionUser | null> {
  if (!API_KEY_PATTERN.test(key)) return null;
  const row = await db.transaction(anonymousScope, async (tx) => {
    const result = await tx.execute(
      sql`SELECT * FROM gaodi_apikey_resolve(${hashKey(key)}, ${clock.now().toISOString()})`,
    );
    return rowsOf<Record<string, unknown>>(result)[0];
  });
  const role = ApiKeyRole.safeParse(row?.role);
  if (!row || !role.success) return null;
  const regionCode = String(row.region_code);
  const name = String(row.name);
  return {
    id: String(row.id),
    username: `apikey:${name}`,
    displayName: name,
    role: role.data,
    regionCode,
    activeRegionCode: regionCode,
    csrfToken: '',
    enterpriseId: null,
    instituteId: null,
    visibleRegions: pgArray(row.visible_regions),
    mustChangePassword: false,
    mfa: null,
    mfaEnabled: false,
    apiKey: {
      id: String(row.id),
      name,
      permissions: new Set(pgArray(row.permissions)),
      rateLimitPerMinute: Number(row.rate_limit_per_minute),
    },
  };
}

function toApiKey(r: typeof apiKeys.$inferSelect, now: Date): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    regionCode: r.regionCode,
    role: ApiKeyRole.parse(r.role),
    permissions: r.permissions,
    rateLimitPerMinute: r.rateLimitPerMinute,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    status: r.revokedAt ? 'revoked' : r.expiresAt <= now ? 'expired' : 'active',
  };
}

function pgArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  const text = String(value ?? '').replace(/^\{|\}$/g, '');
  return text ? text.split(',') : [];
}
