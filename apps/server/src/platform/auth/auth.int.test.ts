import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { rowsOf } from '../db/database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const loginRequest = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

/** Audit rows as the audit admin sees them through the API. */
async function auditRows(filter: string) {
  const auditor = await t.login('auditor');
  const res = await auditor.get(`/api/audit?pageSize=200&${filter}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as { action: string; actorName: string; result: string; targetId: string | null }[];
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers /me with the user and a CSRF token', async () => {
    const res = await loginRequest('jx_staff', 'Gaodi@2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gaodi_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `gaodi_session=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ username: 'jx_staff', role: 'staff', regionCode: '370828' });
    expect(me.json().csrfToken.length).toBeGreaterThan(20);
  });

  it('refuses a wrong password with a Chinese message and no cookie', async () => {
    const res = await loginRequest('jx_staff', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('用户名或密码错误');
    expect(res.cookies).toHaveLength(0);
  });

  it('ends a session after 30 idle minutes, but not while it is used', async () => {
    const s = await t.login('jx_lead');
    t.clock.advanceDays(29 / (24 * 60));
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceDays(29 / (24 * 60));
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceDays(31 / (24 * 60));
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers the session question with 200 for anonymous visitors (a fresh login page logs no error)', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null });
    const s = await t.login('jx_staff');
    const signed = await s.get('/api/auth/session');
    expect(signed.statusCode).toBe(200);
    expect(signed.json().me).toMatchObject({ username: 'jx_staff', role: 'staff' });
  });

  it('logout ends the session at once', async () => {
    const s = await t.login('jx_staff');
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await s.get('/api/enterprises')).statusCode).toBe(401);
  });

  it('disabling an account ends its sessions at once and refuses new logins', async () => {
    const victim = await t.login('jx_leader');
    expect((await victim.get('/api/enterprises')).statusCode).toBe(200);
    const secadmin = await t.login('secadmin');
    const users = (await secadmin.get('/api/users')).json() as { id: string; username: string }[];
    const id = users.find((u) => u.username === 'jx_leader')?.id;
    expect((await secadmin.patch(`/api/users/${id}`, { isDisabled: true })).statusCode).toBe(200);
    expect((await victim.get('/api/enterprises')).statusCode).toBe(401);
    // Answered like a wrong password: a disabled account is not revealed.
    expect((await loginRequest('jx_leader', 'Gaodi@2026')).statusCode).toBe(401);
    expect((await secadmin.patch(`/api/users/${id}`, { isDisabled: false })).statusCode).toBe(200);
    expect((await loginRequest('jx_leader', 'Gaodi@2026')).statusCode).toBe(200);
  });

  it('refuses a state-changing request with a forged or missing CSRF token', async () => {
    const s = await t.login('jx_staff');
    const forged = await s.request({
      method: 'POST',
      url: '/api/industries',
      headers: { 'x-csrf-token': 'forged' },
      payload: { code: 'forged', name: '伪造', nameEn: 'Forged' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/industries',
      headers: { cookie: s.cookie },
      payload: { code: 'forged', name: '伪造', nameEn: 'Forged' },
    });
    expect(missing.statusCode).toBe(403);
    const industries = (await s.get('/api/industries')).json() as { code: string }[];
    expect(industries.map((i) => i.code)).not.toContain('forged');
  });

  it('limits login attempts per client address', async () => {
    const limited = await createTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: 'x', password: 'y' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('lets a city leader switch to a county below, never to a sibling city', async () => {
    const leader = await t.login('jn_leader');
    const me = (await leader.get('/api/auth/me')).json();
    expect(me.regions.map((r: { code: string }) => r.code)).toEqual(['370800', '370828', '370830']);
    const all = (await leader.get('/api/enterprises?pageSize=200')).json();
    expect(new Set(all.items.map((e: { regionCode: string }) => e.regionCode))).toEqual(
      new Set(['370828', '370830']),
    );
    expect((await leader.post('/api/auth/region', { regionCode: '370830' })).statusCode).toBe(200);
    const narrowed = (await leader.get('/api/enterprises?pageSize=200')).json();
    expect(new Set(narrowed.items.map((e: { regionCode: string }) => e.regionCode))).toEqual(
      new Set(['370830']),
    );
    expect((await leader.post('/api/auth/region', { regionCode: '370112' })).statusCode).toBe(403);
  });
});

describe('audit', () => {
  it('records one row for a login, one for a failed login and one for an update', async () => {
    const at = Date.now().toString(36);
    await loginRequest('jx_staff', `bad-${at}`);
    const before = (await auditRows('actor=jx_staff')).length;
    const s = await t.login('jx_staff');
    const afterLogin = await auditRows('actor=jx_staff');
    expect(afterLogin.length).toBe(before + 1);
    expect(afterLogin[0]).toMatchObject({ action: 'login', result: 'ok' });
    await loginRequest('jx_staff', `bad-again-${at}`);
    const afterFail = await auditRows('actor=jx_staff');
    expect(afterFail.length).toBe(before + 2);
    expect(afterFail[0]).toMatchObject({ action: 'login', result: 'failed' });

    const list = (await s.get('/api/enterprises?pageSize=1')).json();
    const e = list.items[0];
    const res = await s.put(`/api/enterprises/${e.id}`, {
      creditCode: e.creditCode,
      name: e.name,
      industryId: e.industryId,
      scale: e.scale,
      address: '金乡县新地址 1 号',
      contactName: e.contactName,
      contactPhone: e.contactPhone,
    });
    expect(res.statusCode).toBe(200);
    const updates = (await auditRows('action=update')).filter((r) => r.targetId === e.id);
    expect(updates).toHaveLength(1);
  });

  it('cannot be altered or deleted by the application role', async () => {
    const scope = { userId: null, role: 'auditadmin', regionCodes: ['370828'] };
    const attempt = (statement: ReturnType<typeof sql>) =>
      t.db
        .transaction(scope, (tx) => tx.execute(statement))
        .then(
          () => 'allowed',
          (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e),
        );
    expect(await attempt(sql`UPDATE audit_log SET action = 'x'`)).toMatch(/permission denied/);
    expect(await attempt(sql`DELETE FROM audit_log`)).toMatch(/permission denied/);
    const n = rowsOf<{ n: number }>(
      await t.db.owner.execute(sql`SELECT count(*)::int AS n FROM audit_log`),
    )[0]?.n;
    expect(n).toBeGreaterThan(0);
  });

  it('is readable by the audit admin only, not by the system admin', async () => {
    const sysadmin = await t.login('sysadmin');
    expect((await sysadmin.get('/api/audit')).statusCode).toBe(403);
    // Even past the API, the database shows the system admin no audit rows.
    const rows = await t.db.transaction(
      { userId: null, role: 'sysadmin', regionCodes: ['370828'] },
      async (tx) => rowsOf(await tx.execute(sql`SELECT * FROM audit_log`)),
    );
    expect(rows).toEqual([]);
    const denied = await auditRows('result=denied');
    expect(denied.some((r) => r.actorName === 'sysadmin' && r.action === 'read:audit')).toBe(true);
  });
});

describe('user administration', () => {
  it('binds an enterprise user to an enterprise of the same region, and refuses a missing binding', async () => {
    const sysadmin = await t.login('sysadmin');
    const enterprise = (await sysadmin.get('/api/enterprises?q=hxxcl')).json().items[0];
    const base = {
      displayName: '衡兴财务',
      role: 'enterprise',
      regionCode: '370828',
      password: 'Hengxing2026a',
    };
    const unbound = await sysadmin.post('/api/users', { ...base, username: 'hx_unbound' });
    expect(unbound.statusCode).toBe(400);
    expect(unbound.json().fields).toEqual([{ path: 'enterpriseId', message: '企业用户须绑定所属企业' }]);
    const elsewhere = await sysadmin.post('/api/users', {
      ...base,
      username: 'hx_elsewhere',
      regionCode: '370828',
      enterpriseId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().fields[0].path).toBe('enterpriseId');
    const ok = await sysadmin.post('/api/users', {
      ...base,
      username: 'hx_finance',
      enterpriseId: enterprise.id,
    });
    expect(ok.statusCode).toBe(200);
    const first = await t.login('hx_finance', 'Hengxing2026a');
    // An initial password is changed before anything else.
    expect(
      (
        await first.post('/api/auth/password', {
          currentPassword: 'Hengxing2026a',
          newPassword: 'Hx-finance-Q7z',
        })
      ).statusCode,
    ).toBe(200);
    const user = first;
    const seen = (await user.get('/api/enterprises?pageSize=200'))
      .json()
      .items.map((e: { name: string }) => e.name);
    expect(seen).toEqual(['山东衡兴新材料有限公司']);
  });
});
