import { z } from 'zod';
import { type Action, PERMISSIONS, Resource, type Role } from './permissions.ts';
import { defineRoute } from './route.ts';

/**
 * API keys for machines (issue 16): created by the system administrator, bound to one region and
 * to a business role whose permissions they narrow; the key's database session runs as that role
 * in that region, under row-level security exactly like a user of the role.
 */

/** Roles a key may act as: office roles whose rows do not hang on one person or organisation. */
export const API_KEY_ROLES = ['staff', 'taskforce_lead', 'leader'] as const satisfies readonly Role[];
export const ApiKeyRole = z.enum(API_KEY_ROLES);
export type ApiKeyRole = z.infer<typeof ApiKeyRole>;

/** Resources no key reaches, whatever its role: people's accounts, the audit log, a person's inbox. */
const NEVER_FOR_KEYS: Resource[] = ['user', 'audit', 'notification', 'api_key', 'webhook'];

/** `resource:action`, e.g. `recruitment:read`. */
export const ApiKeyPermission = z.string().regex(/^[a-z_]+:(read|create|update|delete|export|import)$/, {
  message: '权限格式应为 资源:操作',
});

/** The permissions a key acting as `role` may be given: the role's own, minus the never-for-keys. */
export function apiKeyPermissionsOf(role: ApiKeyRole): string[] {
  const table = PERMISSIONS[role];
  return Resource.options
    .filter((r) => !NEVER_FOR_KEYS.includes(r))
    .flatMap((r) => (table[r] ?? []).map((a: Action) => `${r}:${a}`));
}

export const ApiKeyCreateInput = z
  .object({
    name: z.string().trim().min(2, { message: '名称至少 2 个字' }).max(60),
    regionCode: z.string().regex(/^\d{6}$/, { message: '请选择区域' }),
    role: ApiKeyRole,
    permissions: z.array(ApiKeyPermission).min(1, { message: '至少选择一项权限' }).max(200),
    /** Calls per minute per key (each server process counts its own). */
    rateLimitPerMinute: z.number().int().min(1).max(10_000).default(120),
    /** ISO date-time; at most two years ahead. */
    expiresAt: z.iso.datetime({ offset: true, message: '请填写到期时间' }),
  })
  .superRefine((input, ctx) => {
    const allowed = new Set(apiKeyPermissionsOf(input.role));
    const extra = input.permissions.filter((p) => !allowed.has(p));
    if (extra.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['permissions'],
        message: `该角色没有这些权限：${extra.join('、')}`,
      });
  });
export type ApiKeyCreateInput = z.infer<typeof ApiKeyCreateInput>;

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the key (`gd_AbCd1234`), to recognise it; the key itself is never stored. */
  prefix: z.string(),
  regionCode: z.string(),
  role: ApiKeyRole,
  permissions: z.array(z.string()),
  rateLimitPerMinute: z.number(),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The answer to creating a key: the key itself, shown this once. */
export const ApiKeyCreated = z.object({ apiKey: ApiKey, secret: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

const IdParams = z.object({ id: z.uuid({ message: '编号无效' }) });

export const ListApiKeysRoute = defineRoute({
  method: 'GET',
  path: '/api/api-keys',
  summary: 'API 密钥列表（不含密钥本身）',
  tags: ['integration'],
  access: { resource: 'api_key', action: 'read' },
  response: z.array(ApiKey),
});
export const CreateApiKeyRoute = defineRoute({
  method: 'POST',
  path: '/api/api-keys',
  summary: '创建 API 密钥（密钥只在此次返回）',
  tags: ['integration'],
  access: { resource: 'api_key', action: 'create' },
  body: ApiKeyCreateInput,
  response: ApiKeyCreated,
});
export const RevokeApiKeyRoute = defineRoute({
  method: 'POST',
  path: '/api/api-keys/:id/revoke',
  summary: '吊销 API 密钥',
  tags: ['integration'],
  access: { resource: 'api_key', action: 'delete' },
  params: IdParams,
  response: ApiKey,
});
export const ApiKeyPermissionsRoute = defineRoute({
  method: 'GET',
  path: '/api/api-keys/permissions',
  summary: '各角色的密钥可选权限',
  tags: ['integration'],
  access: { resource: 'api_key', action: 'read' },
  response: z.record(z.string(), z.array(z.string())),
});
