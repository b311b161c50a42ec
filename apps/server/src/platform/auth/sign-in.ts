import { randomBytes } from 'node:crypto';
import { isMfaRequired, Role as RoleSchema } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type Database, rowsOf } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { Lang } from '../i18n/lang.ts';
import { anonymousScope } from './context.ts';
import { dummyHash, verifyPassword } from './password.ts';

/** Sign-in pauses for a username from one client address after this many failures in a row… */
export const LOCK_AFTER_FAILURES = 5;
/** …for 1 minute, doubling with every further failure, at most a day (exponential back-off). */
export const LOCK_BASE_MINUTES = 1;
export const LOCK_MAX_MINUTES = 24 * 60;
/** Audit rows of attempts on unknown usernames carry this region: no region's staff sees them, only the national audit view. */
export const NO_REGION = '000000';

type FoundUser = {
  id: string;
  region_code: string;
  role: string;
  display_name: string;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | string | null;
  is_disabled: boolean;
};

type Deps = { db: Database; clock: Clock; hashToken: (token: string) => string };
type Attempt = { username: string; address: string; now: Date };

/** The account behind a username and whether sign-in from this address is paused. */
async function findAccount(db: Database, { username, address }: Attempt) {
  return db.transaction(anonymousScope, async (tx) => ({
    found: rowsOf<FoundUser>(await tx.execute(sql`SELECT * FROM gaodi_auth_find_user(${username})`))[0],
    pausedUntil: rowsOf<{ until: Date | string | null }>(
      await tx.execute(sql`SELECT gaodi_auth_throttle_until(${username}, ${address}) AS until`),
    )[0]?.until,
  }));
}

/** Why a sign-in fails, or null when it succeeds. */
function failureOf(found: FoundUser | undefined, paused: boolean, passwordOk: boolean) {
  if (paused) return 'locked';
  if (!found) return 'unknown-user';
  if (found.is_disabled) return 'disabled';
  return passwordOk ? null : 'bad-password';
}

/** Counts the failure toward the pause (unless already paused) and writes the audit row. */
async function recordFailure(
  db: Database,
  at: Attempt,
  found: FoundUser | undefined,
  reason: string | null,
  paused: boolean,
) {
  const { username, address, now } = at;
  await db.transaction(anonymousScope, async (tx) => {
    const lockedUntil = paused
      ? null
      : rowsOf<{ until: Date | string | null }>(
          await tx.execute(
            sql`SELECT gaodi_auth_throttle_fail(${username}, ${address}, ${now.toISOString()}, ${LOCK_AFTER_FAILURES}, ${LOCK_BASE_MINUTES}, ${LOCK_MAX_MINUTES}) AS until`,
          ),
        )[0]?.until;
    await recordAudit(tx, {
      regionCode: found?.region_code ?? NO_REGION,
      at: now,
      actorId: found?.id ?? null,
      actorName: username,
      action: 'login',
      targetType: 'session',
      result: 'failed',
      clientAddress: address,
      detail: { reason, lockedUntil: lockedUntil ? new Date(lockedUntil).toISOString() : undefined },
    });
  });
}

/** Clears the pause, opens the session (with the second step pending where the role needs it), audits. */
async function openSession({ db, hashToken }: Deps, at: Attempt, found: FoundUser) {
  const { username, address, now } = at;
  const role = RoleSchema.safeParse(found.role);
  const mfaRequired = role.success && isMfaRequired(role.data);
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.transaction(anonymousScope, async (tx) => {
    await tx.execute(sql`SELECT gaodi_auth_throttle_clear(${username}, ${address})`);
    await tx.execute(
      sql`SELECT gaodi_session_open(${hashToken(token)}, ${found.id}, ${csrf}, ${now.toISOString()}, ${mfaRequired})`,
    );
    await recordAudit(tx, {
      regionCode: found.region_code,
      at: now,
      actorId: found.id,
      actorName: username,
      action: 'login',
      targetType: 'session',
      result: 'ok',
      clientAddress: address,
    });
  });
  return { token };
}

/**
 * Signs in. Unknown usernames, wrong passwords, disabled accounts and paused sign-ins all answer
 * the same 401 after the same password-hashing work, so the answer reveals nothing about the
 * account. Failures pause sign-in per (username, client address) with exponential back-off, so
 * nobody elsewhere can lock the owner out; the owner's inbox hears of each pause.
 */
export async function signIn(
  deps: Deps,
  input: { username: string; password: string; clientAddress: string; lang: Lang },
) {
  const at = {
    username: input.username.trim().toLowerCase(),
    address: input.clientAddress,
    now: deps.clock.now(),
  };
  const { found, pausedUntil } = await findAccount(deps.db, at);
  // Always one verification, against a dummy hash when there is no account.
  const passwordOk = await verifyPassword(found?.password_hash ?? (await dummyHash), input.password);
  const paused = pausedUntil != null && new Date(pausedUntil) > at.now;
  const reason = failureOf(found, paused, passwordOk);
  if (reason || !found) {
    await recordFailure(deps.db, at, found, reason, paused);
    throw new AppError(401, 'BAD_CREDENTIALS', '用户名或密码错误');
  }
  return openSession(deps, at, found);
}
