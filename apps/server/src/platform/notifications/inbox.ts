import type { Notification, NotificationListQuery } from '@gaodi/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UserContext } from '../auth/context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { notifications } from './notifications.table.ts';

/**
 * The inbox. Row-level security already limits rows to the signed-in user; the explicit user filter
 * keeps the query on its index. Marking as read is not audited: it changes nothing but the reader's view.
 */

const toNotification = (r: typeof notifications.$inferSelect): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

export function listNotifications(
  { db }: { db: Database },
  ctx: UserContext,
  q: z.output<typeof NotificationListQuery>,
) {
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
}

export function countUnread({ db }: { db: Database }, ctx: UserContext) {
  return db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt)));
    return { unread: row?.n ?? 0 };
  });
}

export function markRead({ db, clock }: { db: Database; clock: Clock }, ctx: UserContext, id: string) {
  return db.transaction(ctx.scope, async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${clock.now()})` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.user.id)))
      .returning();
    if (!row) throw notFound(ctx.lang);
    return toNotification(row);
  });
}

export async function markAllRead({ db, clock }: { db: Database; clock: Clock }, ctx: UserContext) {
  await db.transaction(ctx.scope, (tx) =>
    tx
      .update(notifications)
      .set({ readAt: clock.now() })
      .where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt))),
  );
  return { ok: true as const };
}
