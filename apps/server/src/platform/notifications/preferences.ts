import type { NotificationPreferences } from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { UserContext } from '../auth/context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { notificationPreferences } from './outbox.table.ts';

/** No row yet: no e-mail address, the account's phone, every channel's default, 22:00–07:00 quiet. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  email: null,
  phone: null,
  events: {},
  quietFrom: 1320,
  quietTo: 420,
  lang: 'zh',
};

const toView = (r: typeof notificationPreferences.$inferSelect): NotificationPreferences => ({
  email: r.email,
  phone: r.phone,
  events: r.events as NotificationPreferences['events'],
  quietFrom: r.quietFrom,
  quietTo: r.quietTo,
  lang: r.lang === 'en' ? 'en' : 'zh',
});

/** The signed-in user's own choices (row-level security: only their row). */
export function getPreferences({ db }: { db: Database }, ctx: UserContext) {
  return db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, ctx.user.id));
    return row ? toView(row) : DEFAULT_PREFERENCES;
  });
}

/** Saves them; the next notification's outbox rows follow them (the trigger reads them). */
export function savePreferences(
  { db, clock }: { db: Database; clock: Clock },
  ctx: UserContext,
  input: NotificationPreferences,
) {
  return db.transaction(ctx.scope, async (tx) => {
    const values = { ...input, updatedAt: clock.now() };
    const [row] = await tx
      .insert(notificationPreferences)
      .values({ userId: ctx.user.id, regionCode: ctx.user.regionCode, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: values })
      .returning();
    return toView(row as typeof notificationPreferences.$inferSelect);
  });
}
