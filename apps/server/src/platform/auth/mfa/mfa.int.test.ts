import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../demo/demo-data.ts';
import { DEMO_TOTP_SECRET } from '../../../demo/demo-mfa.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { rowsOf } from '../../db/database.ts';
import { totpCode, totpStep } from './totp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Password only: a session that still owes its second step. */
async function passwordOnly(username: string, password = DEMO_PASSWORD) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const csrf = me.json().csrfToken as string;
  const post = (url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, payload });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { me: me.json(), post, get };
}

const codeAt = (secret: string, stepOffset: number) =>
  totpCode(secret, new Date((totpStep(t.clock.now()) + stepOffset) * 30_000));

async function usersIdOf(username: string): Promise<string> {
  const admin = await t.login('sysadmin');
  const list = (await admin.get('/api/users')).json() as {
    id: string;
    username: string;
    mfaEnabled: boolean;
  }[];
  const user = list.find((u) => u.username === username);
  if (!user) throw new Error(username);
  return user.id;
}

describe('two-step sign-in (TOTP) for administrators and leaders', () => {
  it('keeps a password-only session unprivileged until a right code, and accepts each code once', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 120_000));
    const s = await passwordOnly('sysadmin');
    expect(s.me).toMatchObject({ mfa: 'code', mfaEnabled: true, mfaRequired: true });
    const blocked = await s.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('MFA_REQUIRED');
    expect((await s.post('/api/auth/password', { currentPassword: 'x', newPassword: 'y' })).statusCode).toBe(
      403,
    );
    const wrong = await s.post('/api/auth/mfa/verify', { code: codeAt(DEMO_TOTP_SECRET, 3) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([{ path: 'code', message: '验证码错误或已使用' }]);
    const code = codeAt(DEMO_TOTP_SECRET, 0);
    expect((await s.post('/api/auth/mfa/verify', { code })).statusCode).toBe(200);
    expect((await s.get('/api/users')).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).json().mfa).toBeNull();
    // The same code in another session (seen over a shoulder, phished) is refused.
    const replay = await passwordOnly('sysadmin');
    expect((await replay.post('/api/auth/mfa/verify', { code })).statusCode).toBe(400);
    expect(
      (await replay.post('/api/auth/mfa/verify', { code: codeAt(DEMO_TOTP_SECRET, 1) })).statusCode,
    ).toBe(200);
  });

  it('pauses the code step after five wrong codes, with back-off, and audits the attempts', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 120_000));
    const s = await passwordOnly('jn_leader');
    for (let i = 0; i < 4; i++)
      expect((await s.post('/api/auth/mfa/verify', { code: '000000' })).statusCode).toBe(400);
    const fifth = await s.post('/api/auth/mfa/verify', { code: '000000' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('MFA_PAUSED');
    // Even the right code waits for the pause to end.
    expect((await s.post('/api/auth/mfa/verify', { code: codeAt(DEMO_TOTP_SECRET, 0) })).statusCode).toBe(
      429,
    );
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    expect((await s.post('/api/auth/mfa/verify', { code: codeAt(DEMO_TOTP_SECRET, 0) })).statusCode).toBe(
      200,
    );
    const rows = rowsOf<{ result: string; n: number }>(
      await t.db.owner.execute(sql`SELECT result, count(*)::int AS n FROM audit_log
        WHERE action = 'mfa_verify' AND actor_name = 'jn_leader' GROUP BY result`),
    );
    // Five wrong codes and the one refused during the pause; then the right one.
    expect(Object.fromEntries(rows.map((r) => [r.result, r.n]))).toEqual({ failed: 5, denied: 1, ok: 1 });
  });

  it('after the security admin resets it, forces enrolment at next sign-in; recovery codes work once', async () => {
    const leaderId = await usersIdOf('jx_leader');
    const before = await t.login('jx_leader');
    expect((await (await t.login('sysadmin')).post(`/api/users/${leaderId}/mfa-reset`)).statusCode).toBe(403);
    const sec = await t.login('secadmin');
    expect((await sec.post(`/api/users/${leaderId}/mfa-reset`)).statusCode).toBe(200);
    expect((await before.get('/api/auth/me')).statusCode).toBe(401);

    const s = await passwordOnly('jx_leader');
    expect(s.me).toMatchObject({ mfa: 'enrol', mfaEnabled: false });
    expect((await s.get('/api/recruitment/records')).json().code).toBe('MFA_ENROLMENT_REQUIRED');
    const enrolment = (await s.post('/api/auth/mfa/enrol')).json() as { secret: string; otpauthUri: string };
    expect(enrolment.otpauthUri).toBe(
      `otpauth://totp/%E9%AB%98%E5%9C%B0:jx_leader?secret=${enrolment.secret}&issuer=%E9%AB%98%E5%9C%B0&algorithm=SHA1&digits=6&period=30`,
    );
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(
      (await s.post('/api/auth/mfa/enrol/confirm', { code: codeAt(enrolment.secret, 5) })).statusCode,
    ).toBe(400);
    const confirmed = await s.post('/api/auth/mfa/enrol/confirm', { code: codeAt(enrolment.secret, 0) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await s.get('/api/auth/me')).json()).toMatchObject({ mfa: null, mfaEnabled: true });
    // A second enrolment is refused while one is set up.
    expect((await s.post('/api/auth/mfa/enrol')).statusCode).toBe(409);

    const next = await passwordOnly('jx_leader');
    expect(next.me.mfa).toBe('code');
    expect(
      (await next.post('/api/auth/mfa/verify', { code: recoveryCodes[0]?.toUpperCase() })).statusCode,
    ).toBe(200);
    const again = await passwordOnly('jx_leader');
    expect((await again.post('/api/auth/mfa/verify', { code: recoveryCodes[0] })).statusCode).toBe(400);
    expect((await again.post('/api/auth/mfa/verify', { code: recoveryCodes[1] })).statusCode).toBe(200);

    const auditor = await t.login('auditor');
    const reset = (await auditor.get('/api/audit?action=mfa_reset')).json().items as {
      actorName: string;
      targetId: string;
    }[];
    expect(reset[0]).toMatchObject({ actorName: 'secadmin', targetId: leaderId });
  });

  it('is optional for staff: no second step until they set one up, then every sign-in asks for it', async () => {
    const s = await passwordOnly('ws_staff');
    expect(s.me).toMatchObject({ mfa: null, mfaEnabled: false, mfaRequired: false });
    expect((await s.get('/api/recruitment/records')).statusCode).toBe(200);
    const { secret } = (await s.post('/api/auth/mfa/enrol')).json() as { secret: string };
    expect((await s.post('/api/auth/mfa/enrol/confirm', { code: codeAt(secret, 0) })).statusCode).toBe(200);
    const next = await passwordOnly('ws_staff');
    expect(next.me.mfa).toBe('code');
    expect((await next.post('/api/auth/mfa/verify', { code: codeAt(secret, 1) })).statusCode).toBe(200);
  });

  it('keeps secrets out of reach of the application role (sealed, no rows through SQL)', async () => {
    const owner = rowsOf<{ secret: string }>(
      await t.db.owner.execute(sql`SELECT secret FROM user_mfa LIMIT 1`),
    );
    expect(owner[0]?.secret).toMatch(/^g1:/);
    const seen = await t.db.transaction(
      { userId: null, role: 'secadmin', regionCodes: ['370828'] },
      async (tx) => rowsOf(await tx.execute(sql`SELECT * FROM user_mfa`)).length,
    );
    expect(seen).toBe(0);
  });
});
