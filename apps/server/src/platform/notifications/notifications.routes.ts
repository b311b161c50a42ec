import {
  IdParams,
  Notification,
  NotificationListQuery,
  NotificationPage,
  Ok,
  UnreadCount,
} from '@gaodi/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, userCtx } from '../auth/auth.plugin.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { notifications } from './notifications.table.ts';

const toNotification = (r: typeof notifications.$inferSelect): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

/**
 * The inbox. Row-level security already limits rows to the signed-in user; the explicit user filter
 * keeps the query on its index. Marking as read is not audited: it changes nothing but the reader's view.
 */
export const notificationsRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  db: Database;
  clock: Clock;
}> = async (app, { auth, db, clock }) => {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: '我的消息',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage },
      },
      preHandler: guard(auth, 'notification', 'read'),
    },
    async (request) => {
      const ctx = userCtx(request);
      const q = request.query;
      const where = and(
        eq(notifications.userId, ctx.user.id),
        q.isUnread === true ? isNull(notifications.readAt) : undefined,
      );
      return db.transaction(ctx.scope, async (tx) => {
        const rows = await tx
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize);
        const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where);
        return { items: rows.map(toNotification), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
      });
    },
  );
  app.get(
    '/api/notifications/unread-count',
    {
      schema: { tags, summary: '未读消息数', response: { 200: UnreadCount } },
      preHandler: guard(auth, 'notification', 'read'),
    },
    async (request) => {
      const ctx = userCtx(request);
      return db.transaction(ctx.scope, async (tx) => {
        const [row] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt)));
        return { unread: row?.n ?? 0 };
      });
    },
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: { tags, summary: '标为已读', params: IdParams, response: { 200: Notification } },
      preHandler: guard(auth, 'notification', 'update'),
    },
    async (request) => {
      const ctx = userCtx(request);
      return db.transaction(ctx.scope, async (tx) => {
        const [row] = await tx
          .update(notifications)
          .set({ readAt: sql`coalesce(${notifications.readAt}, ${clock.now()})` })
          .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, ctx.user.id)))
          .returning();
        if (!row) throw notFound(ctx.lang);
        return toNotification(row);
      });
    },
  );
  app.post(
    '/api/notifications/read-all',
    {
      schema: { tags, summary: '全部标为已读', response: { 200: Ok } },
      preHandler: guard(auth, 'notification', 'update'),
    },
    async (request) => {
      const ctx = userCtx(request);
      await db.transaction(ctx.scope, (tx) =>
        tx
          .update(notifications)
          .set({ readAt: clock.now() })
          .where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt))),
      );
      return { ok: true as const };
    },
  );
};
