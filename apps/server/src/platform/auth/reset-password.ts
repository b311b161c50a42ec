import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { users } from './auth.table.ts';
import { pgTextArray, temporaryPassword } from './change-password.ts';
import { hashPassword } from './password.ts';
import { nextHistory } from './password-policy.ts';

/** Sets a one-time password on an account in the caller's transaction; the user must change it at next sign-in. */
export async function applyPasswordReset(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId));
  if (!row) return null;
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await tx
    .update(users)
    .set({
      passwordHash: hash,
      passwordHistory: nextHistory(hash, row.passwordHash, pgTextArray(row.passwordHistory)),
      mustChangePassword: true,
    })
    .where(eq(users.id, userId));
  return password;
}
