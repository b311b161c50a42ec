import type { Pattern } from './messages.zod.ts';

/**
 * English for what the integration endpoints write (issue 16: API keys, the exchange feed,
 * webhooks). Part of the catalog in messages.ts (kept apart so neither file grows past the size limit).
 */
export const INTEGRATION_EXACT: Record<string, string> = {
  '权限格式应为 资源:操作': 'A permission reads resource:action',
  至少选择一项权限: 'Choose at least one permission',
  请填写到期时间: 'Enter the expiry time',
  编号无效: 'Invalid id',
  只能为自己管辖的区域创建密钥: 'Keys can be made only for the regions you administer',
  到期时间应在今后两年之内: 'The expiry must be within the next two years',
  游标无效: 'Invalid cursor',
  '请填写以 https:// 或 http:// 开头的地址': 'Enter an address starting with https:// or http://',
  至少选择一个事件: 'Choose at least one event',
  订阅不存在: 'The subscription does not exist',
  投递记录不存在: 'The delivery does not exist',
  订阅已取消: 'The subscription was cancelled',
};

export const INTEGRATION_PATTERNS: Pattern[] = [
  [/^该角色没有这些权限：(.+)$/s, (m) => `The role does not have these permissions: ${m[1]}`],
  [
    /^不能投递到内网、本机或链路本地地址：(.+)$/s,
    (m) => `Cannot deliver to a private, loopback or link-local address: ${m[1]}`,
  ],
  [/^无法解析主机名：(.+)$/s, (m) => `The host name does not resolve: ${m[1]}`],
];
