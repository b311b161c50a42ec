import { isMfaRequired, type Role } from '@gaodi/contracts';
import { inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { users } from '../platform/auth/auth.table.ts';
import { totpCode } from '../platform/auth/mfa/totp.ts';
import type { DataBox } from '../platform/crypto/index.ts';
import type { Database } from '../platform/db/database.ts';

/**
 * The published two-step secret of the demo's administrators and leaders (like DEMO_PASSWORD,
 * only in demo data; a production start has no demo accounts). Add it to an authenticator app
 * once: otpauth://totp/高地:demo?secret=GAODIDEMOGAODIDEMOGAODIDEMO23456&issuer=高地
 */
export const DEMO_TOTP_SECRET = 'GAODIDEMOGAODIDEMOGAODIDEMO23456';

/** The demo accounts whose role requires two-step sign-in get it set up with DEMO_TOTP_SECRET. */
export async function enrolDemoMfa(
  db: Database,
  box: DataBox,
  at: Date,
  demoUsers: readonly { username: string; role: Role }[],
): Promise<void> {
  const names = demoUsers.filter((u) => isMfaRequired(u.role)).map((u) => u.username);
  const rows = await db.owner.select({ id: users.id }).from(users).where(inArray(users.username, names));
  for (const { id } of rows) {
    const sealed = box.encrypt(DEMO_TOTP_SECRET, `user_mfa.secret:${id}`);
    await db.owner.execute(sql`INSERT INTO user_mfa (user_id, secret, enabled_at)
      VALUES (${id}, ${sealed}, ${at.toISOString()}) ON CONFLICT (user_id) DO NOTHING`);
  }
}

/** The demo accounts' code at `at` (tests, benches and browser tests sign in with it). */
export const demoTotpCode = (at: Date) => totpCode(DEMO_TOTP_SECRET, at);

/** Benches sign the demo's leaders in through the second step with the demo code. */
export async function passDemoMfa(app: FastifyInstance, cookie: string, at: Date): Promise<void> {
  const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
  if (me.mfa !== 'code') return;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    headers: { cookie, 'x-csrf-token': me.csrfToken },
    payload: { code: demoTotpCode(at) },
  });
  if (res.statusCode !== 200) throw new Error(`two-step sign-in failed: ${res.body}`);
}
