import type { DeliveryChannelName } from '@gaodi/contracts';

/** One input of a channel's form: a plain setting (read back) or a secret (write-only). */
export type ChannelField = { name: string; kind?: 'text' | 'number' | 'switch'; label?: string };

export type ChannelForm = {
  settings: ChannelField[];
  secret: ChannelField[];
  /** A new channel's settings (the providers' public addresses). */
  defaults: Record<string, unknown>;
  /** E-mail and SMS: the test goes to an address typed beside the button. */
  testTo?: 'email' | 'phone';
};

/** The four channels' forms, in the contract's shape (ChannelSettingsInput): settings, then secret. */
export const CHANNEL_FORMS: Record<DeliveryChannelName, ChannelForm> = {
  wecom: {
    settings: [{ name: 'endpoint' }],
    secret: [{ name: 'key' }],
    defaults: { endpoint: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' },
  },
  dingtalk: {
    settings: [{ name: 'endpoint' }],
    secret: [{ name: 'accessToken' }, { name: 'secret' }],
    defaults: { endpoint: 'https://oapi.dingtalk.com/robot/send' },
  },
  email: {
    settings: [
      { name: 'host' },
      { name: 'port', kind: 'number' },
      { name: 'secure', kind: 'switch' },
      { name: 'user' },
      { name: 'from' },
    ],
    secret: [{ name: 'password' }],
    defaults: { host: '', port: 465, secure: true, user: '', from: '' },
    testTo: 'email',
  },
  sms: {
    settings: [
      { name: 'endpoint', label: 'smsEndpoint' },
      { name: 'region' },
      { name: 'sdkAppId' },
      { name: 'signName' },
      { name: 'templateId' },
    ],
    secret: [{ name: 'secretId' }, { name: 'secretKey' }],
    defaults: {
      provider: 'tencent',
      endpoint: 'https://sms.tencentcloudapi.com',
      region: 'ap-guangzhou',
      sdkAppId: '',
      signName: '',
      templateId: '',
    },
    testTo: 'phone',
  },
};

export const CHANNEL_ORDER: readonly DeliveryChannelName[] = ['wecom', 'dingtalk', 'email', 'sms'];

/**
 * A robot's full address as WeCom and DingTalk hand it out (…/send?key=… or ?access_token=…):
 * the address goes into the endpoint, the key into the secret, which is never read back.
 */
export function splitRobotUrl(
  channel: DeliveryChannelName,
  endpoint: string,
): { endpoint: string; secret: Record<string, string> } {
  const param = channel === 'wecom' ? 'key' : channel === 'dingtalk' ? 'access_token' : null;
  if (!param || !endpoint.includes('?')) return { endpoint, secret: {} };
  try {
    const url = new URL(endpoint);
    const value = url.searchParams.get(param);
    if (!value) return { endpoint, secret: {} };
    url.search = '';
    return {
      endpoint: url.toString(),
      secret: channel === 'wecom' ? { key: value } : { accessToken: value },
    };
  } catch {
    return { endpoint, secret: {} };
  }
}
