import { z } from 'zod';
import { defineRoute } from './route.ts';

/**
 * Outgoing webhooks (issue 16): the system administrator subscribes an address to events of the
 * region and the regions below. Payloads carry ids, kinds, stages and colours, never a record's
 * contents (the receiver reads those with an API key). Each POST is signed: header
 * `X-Gaodi-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Gaodi-Timestamp>.<body>")>`.
 */
export const WEBHOOK_EVENTS = [
  'record.created',
  'stage.moved',
  'light.red',
  'project.landed',
  'indicator.frozen',
] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, { zh: string; en: string }> = {
  'record.created': { zh: '新建记录', en: 'Record created' },
  'stage.moved': { zh: '阶段变更', en: 'Stage moved' },
  'light.red': { zh: '亮红灯', en: 'Light turned red' },
  'project.landed': { zh: '项目转化落地', en: 'Project landed' },
  'indicator.frozen': { zh: '指标月度快照', en: 'Indicator snapshot frozen' },
};

/** Receivers should refuse a timestamp further than this from their clock (and repeated delivery ids). */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;

export const WebhookCreateInput = z.object({
  url: z.url({ protocol: /^https?$/, message: '请填写以 https:// 或 http:// 开头的地址' }).max(500),
  events: z.array(WebhookEvent).min(1, { message: '至少选择一个事件' }),
});
export type WebhookCreateInput = z.infer<typeof WebhookCreateInput>;

export const Webhook = z.object({
  id: z.string(),
  regionCode: z.string(),
  url: z.string(),
  events: z.array(WebhookEvent),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;

/** The answer to subscribing: the signing secret, shown this once. */
export const WebhookCreated = z.object({ webhook: Webhook, secret: z.string() });

export const WebhookDelivery = z.object({
  id: z.string(),
  event: z.string(),
  status: z.string(),
  attempts: z.number(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  log: z.array(
    z.object({
      attempt: z.number(),
      at: z.string(),
      outcome: z.string(),
      status: z.string().nullable(),
      detail: z.string().nullable(),
    }),
  ),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** Hosts or addresses the administrator lets webhooks reach although private (an intranet receiver). */
export const WebhookAllowList = z.object({
  hosts: z.array(z.string().trim().min(1).max(253)).max(50),
});
export type WebhookAllowList = z.infer<typeof WebhookAllowList>;

const IdParams = z.object({ id: z.uuid({ message: '编号无效' }) });
const tags = ['integration'];
const read = { resource: 'webhook', action: 'read' } as const;

export const ListWebhooksRoute = defineRoute({
  method: 'GET',
  path: '/api/webhooks',
  summary: 'Webhook 订阅列表',
  tags,
  access: read,
  response: z.array(Webhook),
});
export const CreateWebhookRoute = defineRoute({
  method: 'POST',
  path: '/api/webhooks',
  summary: '订阅 Webhook（签名密钥只在此次返回）',
  tags,
  access: { resource: 'webhook', action: 'create' },
  body: WebhookCreateInput,
  response: WebhookCreated,
});
export const DeleteWebhookRoute = defineRoute({
  method: 'DELETE',
  path: '/api/webhooks/:id',
  summary: '取消 Webhook 订阅',
  tags,
  access: { resource: 'webhook', action: 'delete' },
  params: IdParams,
  response: z.object({ ok: z.literal(true) }),
});
export const ListWebhookDeliveriesRoute = defineRoute({
  method: 'GET',
  path: '/api/webhooks/:id/deliveries',
  summary: 'Webhook 投递记录（最近 100 条，含对方应答）',
  tags,
  access: read,
  params: IdParams,
  response: z.array(WebhookDelivery),
});
export const RedeliverWebhookRoute = defineRoute({
  method: 'POST',
  path: '/api/webhooks/deliveries/:id/redeliver',
  summary: '重新投递',
  tags,
  access: { resource: 'webhook', action: 'update' },
  params: IdParams,
  response: z.object({ ok: z.literal(true) }),
});
export const GetWebhookAllowListRoute = defineRoute({
  method: 'GET',
  path: '/api/webhooks/allow-list',
  summary: 'Webhook 内网地址白名单',
  tags,
  access: read,
  response: WebhookAllowList,
});
export const SaveWebhookAllowListRoute = defineRoute({
  method: 'PUT',
  path: '/api/webhooks/allow-list',
  summary: '保存 Webhook 内网地址白名单',
  tags,
  access: { resource: 'webhook', action: 'update' },
  body: WebhookAllowList,
  response: WebhookAllowList,
});
