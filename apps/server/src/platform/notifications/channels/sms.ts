import type { DeliveryChannel } from '../outbox.ts';
import type { ChannelConfigs } from './channel-config.ts';
import { quietUntil } from './quiet-hours.ts';
import type { SmsProvider } from './sms-provider.ts';
import { payloadOf, render } from './templates.ts';
import { tencentSms } from './tencent-sms.ts';

export const SMS_PROVIDERS: readonly SmsProvider[] = [tencentSms];

/** SMS variables are short: a title cut to 20 characters. */
const clip = (text: string, n = 20) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * SMS through the region's provider (settings.provider, default Tencent Cloud): variables {1} the
 * title, {2} the link. Quiet hours hold a message until they end, except a red escalation.
 */
export function smsChannel({
  configs,
  publicUrl,
  providers = SMS_PROVIDERS,
}: {
  configs: ChannelConfigs;
  publicUrl: string;
  providers?: readonly SmsProvider[];
}): DeliveryChannel {
  return {
    name: 'sms',
    holdUntil(row, now) {
      const p = payloadOf(row);
      return p.urgent ? null : quietUntil(now, p.quietFrom, p.quietTo);
    },
    async deliver(row) {
      const config = await configs.get(row.regionCode, 'sms');
      if (!config) return { ok: false, detail: 'no SMS account for this region', permanent: true };
      const name = String(config.settings.provider ?? 'tencent');
      const provider = providers.find((p) => p.name === name);
      if (!provider) return { ok: false, detail: `unknown SMS provider ${name}`, permanent: true };
      const phone = payloadOf(row).to;
      if (!phone) return { ok: false, detail: 'the recipient has no mobile number', permanent: true };
      const r = render(row, publicUrl);
      return provider.send(config, phone, [clip(r.title), r.url ?? publicUrl]);
    },
  };
}
