import { z } from 'zod';
import { defineRoute } from './route.ts';

/** Channels a message can leave the app by (the in-app inbox is always on). */
export const DeliveryChannelName = z.enum(['email', 'wecom', 'dingtalk', 'sms']);
export type DeliveryChannelName = z.infer<typeof DeliveryChannelName>;

/** Event groups a user chooses per channel: the part of a notification's kind before its first dot. */
export const NotificationEventGroup = z.enum(['supervision', 'project', 'roundtable', 'concierge']);
export type NotificationEventGroup = z.infer<typeof NotificationEventGroup>;

const text = (max: number) => z.string().trim().max(max);
const url = z.url({ message: '请填写以 http:// 或 https:// 开头的地址' });
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);

/** Per channel: the plain settings (read back) and the secret fields (write-only; omit to keep). */
export const ChannelSettingsInput = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('email'),
    enabled: z.boolean(),
    settings: z.object({
      host: required(200, '请填写 SMTP 服务器地址'),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean(),
      user: text(200),
      from: z.email({ message: '请填写有效的发件人邮箱' }),
    }),
    secret: z.object({ password: text(500) }).optional(),
  }),
  z.object({
    channel: z.literal('wecom'),
    enabled: z.boolean(),
    settings: z.object({ endpoint: url }),
    secret: z.object({ key: required(200, '请填写机器人 key') }).optional(),
  }),
  z.object({
    channel: z.literal('dingtalk'),
    enabled: z.boolean(),
    settings: z.object({ endpoint: url }),
    secret: z
      .object({ accessToken: required(200, '请填写 access_token'), secret: required(200, '请填写加签密钥') })
      .optional(),
  }),
  z.object({
    channel: z.literal('sms'),
    enabled: z.boolean(),
    settings: z.object({
      provider: z.literal('tencent'),
      endpoint: url,
      region: required(50, '请填写地域，如 ap-guangzhou'),
      sdkAppId: required(50, '请填写短信应用 SdkAppId'),
      signName: required(50, '请填写短信签名'),
      templateId: required(50, '请填写模板 ID'),
    }),
    secret: z
      .object({ secretId: required(200, '请填写 SecretId'), secretKey: required(200, '请填写 SecretKey') })
      .optional(),
  }),
]);
export type ChannelSettingsInput = z.input<typeof ChannelSettingsInput>;

/** A region's channel as the administrator reads it back: never the secret, only whether one is set. */
export const ChannelSettingsView = z.object({
  channel: DeliveryChannelName,
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  hasSecret: z.boolean(),
  updatedAt: z.string(),
});
export type ChannelSettingsView = z.infer<typeof ChannelSettingsView>;
export const ChannelSettingsList = z.object({ items: z.array(ChannelSettingsView) });

const minuteOfDay = z.number().int().min(0).max(1439);

/** A user's own choices; `events` per channel (a channel absent: the default). */
export const NotificationPreferences = z.object({
  email: z.email({ message: '请填写有效的邮箱地址' }).nullable(),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '请输入 11 位手机号')
    .nullable(),
  events: z.partialRecord(DeliveryChannelName, z.array(NotificationEventGroup)),
  quietFrom: minuteOfDay,
  quietTo: minuteOfDay,
  lang: z.enum(['zh', 'en']),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const ListChannelSettingsRoute = defineRoute({
  method: 'GET',
  path: '/api/notification-channels',
  summary: '本地区消息通道设置',
  tags: ['notifications'],
  access: { resource: 'notification_channel', action: 'read' },
  response: ChannelSettingsList,
});
export const SaveChannelSettingsRoute = defineRoute({
  method: 'PUT',
  path: '/api/notification-channels',
  summary: '保存消息通道设置（密钥只写不读）',
  tags: ['notifications'],
  access: { resource: 'notification_channel', action: 'update' },
  body: ChannelSettingsInput,
  response: ChannelSettingsView,
});
export const GetNotificationPreferencesRoute = defineRoute({
  method: 'GET',
  path: '/api/notification-preferences',
  summary: '我的消息接收设置',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'read' },
  response: NotificationPreferences,
});
export const SaveNotificationPreferencesRoute = defineRoute({
  method: 'PUT',
  path: '/api/notification-preferences',
  summary: '保存我的消息接收设置',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'update' },
  body: NotificationPreferences,
  response: NotificationPreferences,
});

/** A test message through a channel's saved settings: e-mail and SMS need an address to send to. */
export const ChannelTestInput = z.object({ to: text(200).optional() });
export type ChannelTestInput = z.input<typeof ChannelTestInput>;

/** What the provider answered (`status` as in the delivery log, e.g. `200 errcode 0`, SMTP `250`). */
export const ChannelTestResult = z.object({
  ok: z.boolean(),
  status: z.string().nullable(),
  detail: z.string().nullable(),
  ms: z.number().int(),
});
export type ChannelTestResult = z.infer<typeof ChannelTestResult>;

export const TestChannelRoute = defineRoute({
  method: 'POST',
  path: '/api/notification-channels/:channel/test',
  summary: '发送测试消息（经真实通道同步发送，返回服务商的答复）',
  tags: ['notifications'],
  access: { resource: 'notification_channel', action: 'update' },
  params: z.object({ channel: DeliveryChannelName }),
  body: ChannelTestInput,
  response: ChannelTestResult,
});
