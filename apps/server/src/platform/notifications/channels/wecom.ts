import type { DeliveryChannel } from '../outbox.ts';
import type { ChannelConfigs } from './channel-config.ts';
import { httpPost, robotOutcome } from './http-post.ts';
import { render, robotMarkdown } from './templates.ts';

export const WECOM_ENDPOINT = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send';

/** WeCom's markdown content is limited to 4,096 bytes. */
function clip(text: string, bytes = 4096): string {
  let out = text;
  while (Buffer.byteLength(out) > bytes) out = out.slice(0, -16);
  return out;
}

/**
 * WeCom group robot (企业微信群机器人): POST {endpoint}?key=KEY, `{"msgtype":"markdown",
 * "markdown":{"content":…}}`; success is `{"errcode":0}`. The key is the region's secret.
 */
export function wecomChannel({
  configs,
  publicUrl,
}: {
  configs: ChannelConfigs;
  publicUrl: string;
}): DeliveryChannel {
  return {
    name: 'wecom',
    async deliver(row) {
      const config = await configs.get(row.regionCode, 'wecom');
      if (!config?.secret.key)
        return { ok: false, detail: 'no WeCom robot for this region', permanent: true };
      const endpoint = String(config.settings.endpoint ?? WECOM_ENDPOINT);
      const url = `${endpoint}?key=${encodeURIComponent(config.secret.key)}`;
      const content = clip(robotMarkdown(render(row, publicUrl)));
      const body = JSON.stringify({ msgtype: 'markdown', markdown: { content } });
      return robotOutcome(await httpPost(url, body, { 'content-type': 'application/json' }));
    },
  };
}
