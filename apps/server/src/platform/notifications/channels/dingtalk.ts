import { createHmac } from 'node:crypto';
import type { DeliveryChannel } from '../outbox.ts';
import type { ChannelConfigs } from './channel-config.ts';
import { httpPost, robotOutcome } from './http-post.ts';
import { payloadOf, render, robotMarkdown } from './templates.ts';

export const DINGTALK_ENDPOINT = 'https://oapi.dingtalk.com/robot/send';

/**
 * DingTalk's signed robot requests (加签): sign = URL-encode(base64(HMAC-SHA256(key = secret,
 * message = `${timestamp}\n${secret}`))), timestamp in milliseconds; DingTalk refuses a timestamp
 * more than an hour away from its own clock.
 */
export function dingtalkSign(timestamp: number, secret: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  return encodeURIComponent(mac);
}

/**
 * DingTalk group robot (钉钉群机器人): POST {endpoint}?access_token=…&timestamp=…&sign=…, markdown
 * with the recipient's mobile @-mentioned (at.atMobiles and @mobile in the text).
 */
export function dingtalkChannel({
  configs,
  publicUrl,
}: {
  configs: ChannelConfigs;
  publicUrl: string;
}): DeliveryChannel {
  return {
    name: 'dingtalk',
    async deliver(row) {
      const config = await configs.get(row.regionCode, 'dingtalk');
      if (!config?.secret.accessToken)
        return { ok: false, detail: 'no DingTalk robot for this region', permanent: true };
      const endpoint = String(config.settings.endpoint ?? DINGTALK_ENDPOINT);
      // The protocol's own clock: DingTalk compares it with real time, whatever the app's clock says.
      const timestamp = Date.now();
      const query = [`access_token=${encodeURIComponent(config.secret.accessToken)}`];
      if (config.secret.secret)
        query.push(`timestamp=${timestamp}`, `sign=${dingtalkSign(timestamp, config.secret.secret)}`);
      const rendered = render(row, publicUrl);
      const mobile = payloadOf(row).to;
      const text = robotMarkdown(rendered, mobile ? `@${mobile}` : '');
      const body = JSON.stringify({
        msgtype: 'markdown',
        markdown: { title: `${rendered.mark}${rendered.title}`, text },
        at: { atMobiles: mobile ? [mobile] : [], isAtAll: false },
      });
      const url = `${endpoint}?${query.join('&')}`;
      return robotOutcome(await httpPost(url, body, { 'content-type': 'application/json' }));
    },
  };
}
