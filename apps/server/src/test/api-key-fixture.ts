import { createHash, randomBytes } from 'node:crypto';
import { apiKeys } from '../platform/auth/api-keys/api-keys.table.ts';
import type { TestApp } from './harness.ts';

/**
 * A key of any region, as that region's own system administrator would have made it (the demo
 * has one administrator, in 金乡县): stored hashed like one made through the API.
 */
export async function apiKeyFor(
  t: TestApp,
  regionCode: string,
  permissions: string[],
  role: 'staff' | 'taskforce_lead' | 'leader' = 'leader',
): Promise<string> {
  const secret = `gd_${randomBytes(32).toString('base64url')}`;
  await t.db.owner.insert(apiKeys).values({
    regionCode,
    name: `${regionCode} 平台 ${secret.slice(3, 9)}`,
    prefix: secret.slice(0, 11),
    keyHash: createHash('sha256').update(secret).digest('hex'),
    role,
    permissions,
    rateLimitPerMinute: 10_000,
    expiresAt: new Date(t.clock.now().getTime() + 365 * 86_400_000),
    createdAt: t.clock.now(),
    createdBy: '00000000-0000-0000-0000-000000000000',
    createdByName: 'sysadmin',
  });
  return secret;
}

/** A GET with the key, answering the parsed body (and failing loudly on anything but 200). */
export async function getWithKey<T>(t: TestApp, secret: string, url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
