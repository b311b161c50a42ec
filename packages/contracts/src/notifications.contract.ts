import { z } from 'zod';
import { IdParams, Ok, pageOf } from './common.contract.ts';
import { defineRoute } from './route.ts';

export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** In-app path to open, e.g. `/recruitment/<id>`. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.object({
  isUnread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.input<typeof NotificationListQuery>;
export const NotificationPage = pageOf(Notification);
export type NotificationPage = z.infer<typeof NotificationPage>;
export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

// ---- routes: the inbox (row-level security limits every row to the signed-in user) -----------

export const ListNotificationsRoute = defineRoute({
  method: 'GET',
  path: '/api/notifications',
  summary: '我的消息',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'read' },
  query: NotificationListQuery,
  response: NotificationPage,
});
export const CountUnreadNotificationsRoute = defineRoute({
  method: 'GET',
  path: '/api/notifications/unread-count',
  summary: '未读消息数',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'read' },
  response: UnreadCount,
});
export const MarkNotificationReadRoute = defineRoute({
  method: 'POST',
  path: '/api/notifications/:id/read',
  summary: '标为已读',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'update' },
  params: IdParams,
  response: Notification,
});
export const MarkAllNotificationsReadRoute = defineRoute({
  method: 'POST',
  path: '/api/notifications/read-all',
  summary: '全部标为已读',
  tags: ['notifications'],
  access: { resource: 'notification', action: 'update' },
  response: Ok,
});
