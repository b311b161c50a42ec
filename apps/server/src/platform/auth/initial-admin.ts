import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf } from '../db/database.ts';
import { users } from './auth.table.ts';
import { temporaryPassword } from './change-password.ts';
import { hashPassword } from './password.ts';

export const INITIAL_ADMIN = 'admin';

/**
 * On an empty users table (a production start without demo data), creates one system
 * administrator with a random one-time password, which the caller prints once; it must be changed
 * at first sign-in. Returns null when any account exists already.
 */
export async function ensureInitialAdmin(
  db: Database,
  clock: Clock,
  regionCode: string,
): Promise<{ username: string; password: string } | null> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.owner.transaction(async (tx) => {
    // One start at a time decides (two processes starting on one PostgreSQL).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72430001)`);
    const n = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM users`))[0]?.n ?? 0;
    if (n > 0) return null;
    const [row] = await tx
      .insert(users)
      .values({
        username: INITIAL_ADMIN,
        displayName: '初始系统管理员',
        role: 'sysadmin',
        regionCode,
        passwordHash,
        passwordHistory: [passwordHash],
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await recordAudit(tx, {
      regionCode,
      at: clock.now(),
      actorId: null,
      actorName: 'system',
      action: 'create_initial_admin',
      targetType: 'user',
      targetId: row?.id ?? null,
      result: 'ok',
    });
    return { username: INITIAL_ADMIN, password };
  });
}
