import { type CheckinWindow, DEFAULT_CHECKIN_WINDOW } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import { recordUserAction } from '../../../platform/audit/audit.ts';
import type { UserContext } from '../../../platform/auth/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { MatchmakingDeps } from '../matchmaking.deps.ts';
import { checkinWindows } from '../matchmaking.table.ts';

async function readWindow(tx: Tx, regionCode: string): Promise<CheckinWindow> {
  const [row] = await tx
    .select({
      opensHoursBefore: checkinWindows.opensHoursBefore,
      closesHoursAfter: checkinWindows.closesHoursAfter,
    })
    .from(checkinWindows)
    .where(eq(checkinWindows.regionCode, regionCode));
  return row ?? DEFAULT_CHECKIN_WINDOW;
}

/** The active region's QR sign-in window (its own, else 2 h before the day to its end). */
export function getCheckinWindow({ db }: Pick<MatchmakingDeps, 'db'>, ctx: UserContext) {
  return db.transaction(ctx.scope, (tx) => readWindow(tx, ctx.user.activeRegionCode));
}

/** Sets the active region's QR sign-in window; gaodi_event_checkin applies it to every sign-in. */
export function saveCheckinWindow(
  { db, clock }: Pick<MatchmakingDeps, 'db' | 'clock'>,
  ctx: UserContext,
  input: CheckinWindow,
): Promise<CheckinWindow> {
  return db.transaction(ctx.scope, async (tx) => {
    const now = clock.now();
    const regionCode = ctx.user.activeRegionCode;
    await tx
      .insert(checkinWindows)
      .values({ regionCode, ...input, updatedAt: now, updatedBy: ctx.user.id })
      .onConflictDoUpdate({
        target: checkinWindows.regionCode,
        set: { ...input, updatedAt: now, updatedBy: ctx.user.id },
      });
    await recordUserAction(tx, ctx, now, {
      action: 'update',
      targetType: 'checkin_window',
      targetId: regionCode,
      detail: input,
    });
    return readWindow(tx, regionCode);
  });
}
