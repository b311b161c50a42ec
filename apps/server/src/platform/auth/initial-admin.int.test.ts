import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadRegions } from '../../demo/demo-data.ts';
import { createManualClock } from '../clock.ts';
import { type Database, openDatabase, rowsOf } from '../db/database.ts';
import { ensureInitialAdmin } from './initial-admin.ts';
import { totpCode } from './mfa/totp.ts';

// A production start: migrations and regions, no demo data.
let db: Database;
const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
beforeAll(async () => {
  db = await openDatabase({ engine: 'pglite' });
  await db.migrate();
  await loadRegions(db.owner);
}, 120_000);
afterAll(() => db.close());

describe('a start without demo data', () => {
  it('creates one system administrator with a one-time password, once, which must be changed first', async () => {
    const first = await ensureInitialAdmin(db, clock, '370828');
    expect(first?.username).toBe('admin');
    expect(await ensureInitialAdmin(db, clock, '370828')).toBeNull();
    const users = rowsOf<{ username: string; role: string }>(
      await db.owner.execute(sql`SELECT username, role FROM users`),
    );
    expect(users).toEqual([{ username: 'admin', role: 'sysadmin' }]);

    const app = await buildApp({ db, clock, loginRateLimitPerMinute: 1000 });
    try {
      const demo = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'sysadmin', password: 'Gaodi@2026' },
      });
      expect(demo.statusCode).toBe(401);
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: first?.password },
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
      expect(me.mustChangePassword).toBe(true);
      const users = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
      expect(users.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie, 'x-csrf-token': me.csrfToken },
        payload: { currentPassword: first?.password, newPassword: 'Initial-Adm1n-pass' },
      });
      expect(changed.statusCode).toBe(200);
      // Then two-step sign-in, required for administrators, before anything else answers.
      const before = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
      expect(before.json().code).toBe('MFA_ENROLMENT_REQUIRED');
      const post = (url: string, payload?: object) =>
        app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': me.csrfToken }, payload });
      const { secret } = (await post('/api/auth/mfa/enrol')).json() as { secret: string };
      const confirmed = await post('/api/auth/mfa/enrol/confirm', { code: totpCode(secret, clock.now()) });
      expect(confirmed.json().recoveryCodes).toHaveLength(10);
      expect((await app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).statusCode).toBe(
        200,
      );
    } finally {
      await app.close();
    }
  });
});
