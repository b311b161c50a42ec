import { randomUUID } from 'node:crypto';
import type { ChannelTestInput, ChannelTestResult, DeliveryChannelName } from '@gaodi/contracts';
import { and, eq } from 'drizzle-orm';
import { recordUserAction } from '../audit/audit.ts';
import type { UserContext } from '../auth/context.ts';
import type { Clock } from '../clock.ts';
import type { DataBox } from '../crypto/data-box.ts';
import type { Database } from '../db/database.ts';
import { invalid } from '../http/errors.ts';
import { type ChannelConfig, type ChannelConfigs, secretPlace } from './channels/channel-config.ts';
import { dingtalkChannel } from './channels/dingtalk.ts';
import { emailChannel } from './channels/email.ts';
import { smsChannel } from './channels/sms.ts';
import type { NotificationPayload } from './channels/templates.ts';
import { wecomChannel } from './channels/wecom.ts';
import { notificationChannels } from './outbox.table.ts';
import type { DeliveryChannel, DeliveryResult } from './outbox.ts';

type Deps = { db: Database; clock: Clock; box: DataBox; publicUrl: string };

const ADAPTERS: Record<
  DeliveryChannelName,
  (o: { configs: ChannelConfigs; publicUrl: string }) => DeliveryChannel
> = { wecom: wecomChannel, dingtalk: dingtalkChannel, email: emailChannel, sms: smsChannel };

/** The saved settings of the active region's channel, enabled or not (the caller's RLS applies). */
async function savedConfig({ db, box }: Deps, ctx: UserContext, channel: DeliveryChannelName) {
  const regionCode = ctx.user.activeRegionCode;
  const [row] = await db.transaction(ctx.scope, (tx) =>
    tx
      .select()
      .from(notificationChannels)
      .where(and(eq(notificationChannels.regionCode, regionCode), eq(notificationChannels.channel, channel))),
  );
  if (!row || (!row.secret && channel !== 'email'))
    throw invalid([{ path: 'channel', message: '该通道尚未设置，请先保存设置' }], ctx.lang);
  const secret = row.secret ? JSON.parse(box.decrypt(row.secret, secretPlace(regionCode, channel))) : {};
  const config: ChannelConfig = {
    settings: row.settings as Record<string, unknown>,
    secret,
    updatedAt: row.updatedAt.toISOString(),
  };
  return config;
}

/** E-mail and SMS go to a person: the address typed in the form, checked like the preferences'. */
function recipientOf(channel: DeliveryChannelName, to: string | undefined, ctx: UserContext) {
  if (channel === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to ?? ''))
    throw invalid([{ path: 'to', message: '请填写接收测试消息的邮箱' }], ctx.lang);
  if (channel === 'sms' && !/^1\d{10}$/.test(to ?? ''))
    throw invalid([{ path: 'to', message: '请填写接收测试消息的手机号' }], ctx.lang);
  return channel === 'email' || channel === 'sms' ? (to as string) : null;
}

/**
 * Sends one message through the channel's real adapter with the region's saved settings, now and
 * outside the outbox (nothing is queued or retried), and answers what the provider said. Audited
 * with the outcome; the secret never leaves the adapter.
 */
export async function testChannel(
  deps: Deps,
  ctx: UserContext,
  channel: DeliveryChannelName,
  input: ChannelTestInput,
): Promise<ChannelTestResult> {
  const to = recipientOf(channel, input.to, ctx);
  const config = await savedConfig(deps, ctx, channel);
  const configs: ChannelConfigs = { get: async () => config, forget: () => {} };
  const adapter = ADAPTERS[channel]({ configs, publicUrl: deps.publicUrl });
  const payload: NotificationPayload = {
    title: '测试消息',
    body: '这是一条来自高地平台的测试消息，收到即表示该通道设置正确。',
    link: '/settings/notifications',
    lang: ctx.lang === 'en' ? 'en' : 'zh',
    to,
    urgent: true,
    quietFrom: 0,
    quietTo: 0,
  };
  const started = performance.now();
  let result: DeliveryResult;
  try {
    result = await adapter.deliver({
      id: randomUUID(),
      regionCode: ctx.user.activeRegionCode,
      channel,
      recipientId: ctx.user.id,
      target: null,
      kind: 'channel.test',
      payload,
      attempt: 1,
      createdAt: deps.clock.now(),
    });
  } catch (error) {
    result = { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  const answer: ChannelTestResult = {
    ok: result.ok,
    status: result.status ?? null,
    detail: result.detail ? result.detail.slice(0, 500) : null,
    ms: Math.round(performance.now() - started),
  };
  await deps.db.transaction(ctx.scope, (tx) =>
    recordUserAction(tx, ctx, deps.clock.now(), {
      action: 'test_send',
      targetType: 'notification_channel',
      targetId: `${ctx.user.activeRegionCode}:${channel}`,
      detail: { ok: answer.ok, status: answer.status },
    }),
  );
  return answer;
}
