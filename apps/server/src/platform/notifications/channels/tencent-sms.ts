import { createHash, createHmac } from 'node:crypto';
import type { DeliveryResult } from '../outbox.ts';
import type { ChannelConfig } from './channel-config.ts';
import { httpPost } from './http-post.ts';
import type { SmsProvider } from './sms-provider.ts';

export const TENCENT_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/**
 * Tencent Cloud API signature v3 (TC3-HMAC-SHA256) of a JSON POST to `/`:
 * CanonicalRequest = POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:HOST\n\n
 * content-type;host\nhex(sha256(payload)); StringToSign = TC3-HMAC-SHA256\nTIMESTAMP\n
 * DATE/SERVICE/tc3_request\nhex(sha256(CanonicalRequest)); the key chain HMAC("TC3" + SecretKey,
 * DATE) → SERVICE → "tc3_request"; Signature = hex(HMAC(key, StringToSign)). DATE is the UTC day of
 * the timestamp (seconds).
 */
export function tc3Authorization(o: {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  timestamp: number;
  payload: string;
}): string {
  const date = new Date(o.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:application/json; charset=utf-8\nhost:${o.host}\n`,
    signedHeaders,
    sha256(o.payload),
  ].join('\n');
  const scope = `${date}/${o.service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(o.timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${o.secretKey}`, date), o.service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${o.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** Mainland mobiles in E.164, as SendSms wants them. */
const e164 = (phone: string) => (phone.startsWith('+') ? phone : `+86${phone}`);

/**
 * Tencent Cloud SMS SendSms (API 2021-01-11): the region's SmsSdkAppId, SignName and TemplateId
 * (a template approved at the provider, e.g. 「{1}，请登录高地平台处理：{2}」), the variables in
 * TemplateParamSet. Success: every SendStatusSet entry's Code is "Ok".
 */
export const tencentSms: SmsProvider = {
  name: 'tencent',
  async send(config: ChannelConfig, phone: string, params: string[]): Promise<DeliveryResult> {
    const s = config.settings;
    const endpoint = String(s.endpoint ?? TENCENT_SMS_ENDPOINT);
    const payload = JSON.stringify({
      PhoneNumberSet: [e164(phone)],
      SmsSdkAppId: String(s.sdkAppId ?? ''),
      SignName: String(s.signName ?? ''),
      TemplateId: String(s.templateId ?? ''),
      TemplateParamSet: params,
    });
    // The protocol's clock: Tencent refuses a timestamp more than 5 minutes off real time.
    const timestamp = Math.floor(Date.now() / 1000);
    const host = new URL(endpoint).host;
    const authorization = tc3Authorization({
      secretId: config.secret.secretId ?? '',
      secretKey: config.secret.secretKey ?? '',
      service: 'sms',
      host,
      timestamp,
      payload,
    });
    const answer = await httpPost(endpoint, payload, {
      authorization,
      'content-type': 'application/json; charset=utf-8',
      host,
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-timestamp': String(timestamp),
      'x-tc-region': String(s.region ?? 'ap-guangzhou'),
    });
    let response: { Error?: { Code?: string }; SendStatusSet?: { Code?: string }[] } = {};
    try {
      response = (JSON.parse(answer.text) as { Response?: typeof response }).Response ?? {};
    } catch {
      // not JSON: a proxy's error page
    }
    const code = response.Error?.Code ?? response.SendStatusSet?.[0]?.Code ?? null;
    const status = `${answer.status}${code ? ` ${code}` : ''}`;
    const sent = answer.status === 200 && !response.Error && (response.SendStatusSet ?? []).length > 0;
    if (sent && response.SendStatusSet?.every((x) => x.Code === 'Ok'))
      return { ok: true, status, detail: answer.text };
    return { ok: false, status, detail: answer.text || `HTTP ${answer.status}` };
  },
};
