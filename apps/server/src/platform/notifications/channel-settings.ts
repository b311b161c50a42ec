import type {
  ChannelSettingsInput as ChannelSettingsInputSchema,
  ChannelSettingsView,
  DeliveryChannelName,
} from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordUserAction } from '../audit/audit.ts';
import type { UserContext } from '../auth/context.ts';
import type { Clock } from '../clock.ts';
import type { DataBox } from '../crypto/data-box.ts';
import type { Database, Tx } from '../db/database.ts';
import { invalid } from '../http/errors.ts';
import { type ChannelConfigs, secretPlace } from './channels/channel-config.ts';
import { notificationChannels } from './outbox.table.ts';

type Deps = { db: Database; clock: Clock; box: DataBox; configs: ChannelConfigs };
type Row = typeof notificationChannels.$inferSelect;

const view = (r: Row): ChannelSettingsView => ({
  channel: r.channel as DeliveryChannelName,
  enabled: r.enabled,
  settings: r.settings as Record<string, unknown>,
  hasSecret: r.secret !== null,
  updatedAt: r.updatedAt.toISOString(),
});

/** The active region's channels, as its system administrator reads them: secrets never leave. */
export function listChannelSettings({ db }: Pick<Deps, 'db'>, ctx: UserContext) {
  return db.transaction(ctx.scope, async (tx) => {
    const rows = await tx
      .select()
      .from(notificationChannels)
      .where(eq(notificationChannels.regionCode, ctx.user.activeRegionCode));
    return { items: rows.map(view) };
  });
}

async function current(tx: Tx, regionCode: string, channel: string) {
  const [row] = await tx
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.regionCode, regionCode), eq(notificationChannels.channel, channel)));
  return row ?? null;
}

/**
 * Sets one channel of the active region. The secret is encrypted (DataBox, bound to region and
 * channel); omitted, the stored one stays. Audited without the secret: only whether it changed.
 */
export function saveChannelSettings(
  { db, clock, box, configs }: Deps,
  ctx: UserContext,
  input: z.output<typeof ChannelSettingsInputSchema>,
): Promise<ChannelSettingsView> {
  const regionCode = ctx.user.activeRegionCode;
  return db.transaction(ctx.scope, async (tx) => {
    const now = clock.now();
    const before = await current(tx, regionCode, input.channel);
    const secret = input.secret
      ? box.encrypt(JSON.stringify(input.secret), secretPlace(regionCode, input.channel))
      : (before?.secret ?? null);
    if (input.enabled && !secret)
      throw invalid([{ path: 'secret', message: '首次启用该通道时请填写密钥' }], ctx.lang);
    const values = {
      enabled: input.enabled,
      settings: input.settings,
      secret,
      updatedAt: now,
      updatedBy: ctx.user.id,
    };
    const [row] = await tx
      .insert(notificationChannels)
      .values({ regionCode, channel: input.channel, ...values })
      .onConflictDoUpdate({
        target: [notificationChannels.regionCode, notificationChannels.channel],
        set: values,
      })
      .returning();
    await recordUserAction(tx, ctx, now, {
      action: 'update',
      targetType: 'notification_channel',
      targetId: `${regionCode}:${input.channel}`,
      detail: { enabled: input.enabled, settings: input.settings, secretChanged: input.secret !== undefined },
    });
    configs.forget(regionCode, input.channel);
    return view(row as Row);
  });
}
