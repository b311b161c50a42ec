import type { Role } from '@gaodi/contracts';
import type { UserContext } from '../../platform/auth/context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataBox } from '../../platform/crypto/index.ts';
import type { Database, Tx } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import type { Notifier } from '../../platform/notifications/notifier.ts';
import type { StageMover } from '../pipelines/index.ts';
import type { SupervisionService } from '../supervision/index.ts';
import type { LockedRequest } from './concierge.queries.ts';

/** What concierge operations use; built once in app.ts. */
export type ConciergeDeps = {
  db: Database;
  clock: Clock;
  box: DataBox;
  notifier: Notifier;
  supervision: SupervisionService;
  mover: StageMover;
};

const BUREAU: readonly Role[] = ['staff', 'taskforce_lead', 'helper', 'leader'];
/** Who dispatches requests and approves transfers: the office's leads (and staff, leaders). */
export const DISPATCHERS: readonly Role[] = ['staff', 'taskforce_lead', 'leader'];

/** Bureau work on a request: a helper only on the requests assigned to them. */
export function assertHandles(ctx: UserContext, request: LockedRequest) {
  if (!BUREAU.includes(ctx.user.role)) throw forbidden(ctx.lang);
  if (ctx.user.role === 'helper' && request.helperId !== ctx.user.id)
    throw new AppError(403, 'NOT_YOUR_REQUEST', '该诉求不由您办理');
}

export const isBureau = (ctx: UserContext) => BUREAU.includes(ctx.user.role);

export function assertDispatcher(ctx: UserContext) {
  if (!DISPATCHERS.includes(ctx.user.role)) throw forbidden(ctx.lang);
}

/** Tells people about a request, in the writer's transaction (the inbox; never the actor themself). */
export async function tell(
  deps: Pick<ConciergeDeps, 'notifier'>,
  tx: Tx,
  ctx: UserContext,
  request: Pick<LockedRequest, 'id' | 'regionCode'>,
  recipients: readonly (string | null)[],
  message: { title: string; body: string; at: Date },
) {
  const ids = [...new Set(recipients.filter((r): r is string => !!r && r !== ctx.user.id))];
  await deps.notifier.send(
    tx,
    ids.map((userId) => ({
      regionCode: request.regionCode,
      userId,
      kind: 'concierge',
      title: message.title,
      body: message.body,
      link: `/concierge/${request.id}`,
    })),
    message.at,
  );
}
