import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { apiKeys } from './api-keys.table.ts';

// One app and database for the file; each case makes its own keys.
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('sysadmin');
});
afterAll(() => t.close());

const inAYear = () => new Date(t.clock.now().getTime() + 365 * 86_400_000).toISOString();
const JINXIANG = '370828';
const WENSHANG = '370830';

async function createKey(overrides: Record<string, unknown> = {}) {
  const res = await admin.post('/api/api-keys', {
    name: `县平台 ${randomBytes(3).toString('hex')}`,
    regionCode: JINXIANG,
    role: 'staff',
    permissions: ['enterprise:read', 'exchange:read'],
    expiresAt: inAYear(),
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { apiKey: { id: string; name: string; prefix: string }; secret: string };
}

/** A key of another region, as that region's own administrator would have made it. */
async function keyOfRegion(regionCode: string, permissions: string[]) {
  const secret = `gd_${randomBytes(32).toString('base64url')}`;
  await t.db.owner.insert(apiKeys).values({
    regionCode,
    name: `区域 ${regionCode}`,
    prefix: secret.slice(0, 11),
    keyHash: createHash('sha256').update(secret).digest('hex'),
    role: 'leader',
    permissions,
    rateLimitPerMinute: 100,
    expiresAt: new Date(inAYear()),
    createdAt: t.clock.now(),
    createdBy: '00000000-0000-0000-0000-000000000000',
    createdByName: 'admin',
  });
  return secret;
}

const withKey = (secret: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` }, payload });

const regionsOf = (body: { items: { regionCode: string }[] }) => new Set(body.items.map((e) => e.regionCode));

describe('API keys', () => {
  it('are shown once, kept hashed, and read only their region with their permissions', async () => {
    const { apiKey, secret } = await createKey();
    expect(secret).toMatch(/^gd_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const listed = (await admin.get('/api/api-keys')).body;
    expect(listed).toContain(apiKey.name);
    expect(listed).not.toContain(secret);
    const stored = await t.db.owner.select().from(apiKeys);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const res = await withKey(secret, '/api/enterprises?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    expect([...regionsOf(res.json())]).toEqual([JINXIANG]);
    // The other header works the same.
    const viaHeader = await t.app.inject({ url: '/api/enterprises', headers: { 'x-api-key': secret } });
    expect(viaHeader.statusCode).toBe(200);
    // A permission the key was not given, although its role has it: 403.
    expect((await withKey(secret, '/api/projects')).statusCode).toBe(403);
    // Keys never manage keys nor accounts.
    expect((await withKey(secret, '/api/api-keys')).statusCode).toBe(403);
    expect(
      (await withKey(secret, '/api/auth/password', 'POST', { current: 'x', next: 'y' })).statusCode,
    ).toBe(403);
    const after = (await admin.get('/api/api-keys')).json() as { id: string; lastUsedAt: string | null }[];
    expect(after.find((k) => k.id === apiKey.id)?.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('of county A never reads county B; a city key reads its counties', async () => {
    const wenshang = await keyOfRegion(WENSHANG, ['enterprise:read']);
    const ws = (await withKey(wenshang, '/api/enterprises?pageSize=100')).json();
    expect([...regionsOf(ws)]).toEqual([WENSHANG]);
    const city = await keyOfRegion('370800', ['enterprise:read']);
    const all = (await withKey(city, '/api/enterprises?pageSize=100')).json();
    expect(regionsOf(all)).toEqual(new Set([JINXIANG, WENSHANG]));
  });

  it('answers 401 once revoked or expired, and for an unknown key', async () => {
    const { apiKey, secret } = await createKey();
    expect((await withKey(secret, '/api/enterprises')).statusCode).toBe(200);
    const revoked = await admin.post(`/api/api-keys/${apiKey.id}/revoke`);
    expect(revoked.json().status).toBe('revoked');
    const refused = await withKey(secret, '/api/enterprises');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toBe('API 密钥无效、已过期或已吊销');

    const soon = await createKey({ expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    expect((await withKey(soon.secret, '/api/enterprises')).statusCode).toBe(200);
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    expect((await withKey(soon.secret, '/api/enterprises')).statusCode).toBe(401);
    expect((await withKey(`gd_${'A'.repeat(43)}`, '/api/enterprises')).statusCode).toBe(401);
  });

  it('are limited per minute', async () => {
    const { secret } = await createKey({ rateLimitPerMinute: 3 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await withKey(secret, '/api/regions')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    expect((await withKey(secret, '/api/regions')).statusCode).toBe(200);
  });

  it('audits every call under the key’s name', async () => {
    const { apiKey, secret } = await createKey();
    await withKey(secret, '/api/enterprises');
    await withKey(secret, '/api/projects');
    const auditor = await t.login('auditor');
    const rows = (await auditor.get(`/api/audit?actor=${encodeURIComponent(`apikey:${apiKey.name}`)}`)).json()
      .items as { action: string; result: string; detail: { route: string; status: number } }[];
    const calls = rows.filter((r) => r.action === 'api_call').map((r) => `${r.detail.route} ${r.result}`);
    expect(calls).toEqual(expect.arrayContaining(['/api/enterprises ok', '/api/projects denied']));
  });

  it('are made only by the system administrator, within its role’s permissions', async () => {
    const staff = await t.login('jx_staff');
    const body = {
      name: '某平台',
      regionCode: JINXIANG,
      role: 'staff',
      permissions: ['need:read'],
      expiresAt: inAYear(),
    };
    expect((await staff.post('/api/api-keys', body)).statusCode).toBe(403);
    const tooMuch = await admin.post('/api/api-keys', {
      ...body,
      role: 'leader',
      permissions: ['need:create'],
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.body).toContain('该角色没有这些权限：need:create');
    const audit = await admin.post('/api/api-keys', { ...body, permissions: ['audit:read'] });
    expect(audit.statusCode).toBe(400);
    const other = await admin.post('/api/api-keys', { ...body, regionCode: WENSHANG });
    expect(other.statusCode).toBe(400);
  });
});
