import { sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.ts';
import type { Clock } from '../../clock.ts';
import { rowsOf, type Tx } from '../../db/database.ts';
import type { UserContext } from '../context.ts';

type OwnMfa = {
  secret: string | null;
  pending_secret: string | null;
  recovery_left: number;
  failures: number;
  paused_until: Date | string | null;
};

/** The session id the gaodi_mfa_* functions take. */
export const sid = (ctx: UserContext) => ctx.sessionId ?? '';
/** What a user's sealed secret is bound to. */
export const secretPlace = (userId: string) => `user_mfa.secret:${userId}`;

/** The signed-in user's two-step state (through the session). */
export const ownMfa = async (tx: Tx, sessionId: string) =>
  rowsOf<OwnMfa>(await tx.execute(sql`SELECT * FROM gaodi_mfa_own(${sessionId})`))[0];

/** A text[] parameter: the hashes as one SQL array. */
export const textArray = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** An audit row of the user's own two-step action. */
export const auditMfa = (
  clock: Clock,
  tx: Tx,
  ctx: UserContext,
  action: string,
  result: 'ok' | 'failed' | 'denied',
  detail?: unknown,
) =>
  recordAudit(tx, {
    regionCode: ctx.user.regionCode,
    at: clock.now(),
    actorId: ctx.user.id,
    actorName: ctx.user.username,
    action,
    targetType: 'user',
    targetId: ctx.user.id,
    result,
    clientAddress: ctx.clientAddress,
    detail,
  });
