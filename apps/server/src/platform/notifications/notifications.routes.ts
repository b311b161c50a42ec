import {
  CountUnreadNotificationsRoute,
  ListNotificationsRoute,
  MarkAllNotificationsReadRoute,
  MarkNotificationReadRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { registerRoute } from '../http/route.ts';
import { countUnread, listNotifications, markAllRead, markRead } from './inbox.ts';

/** The signed-in user's inbox. */
export const notificationsRoutes: FastifyPluginAsync<{
  auth: AuthService;
  db: Database;
  clock: Clock;
}> = async (app, deps) => {
  const { auth } = deps;
  registerRoute(app, auth, ListNotificationsRoute, ({ ctx, query }) => listNotifications(deps, ctx, query));
  registerRoute(app, auth, CountUnreadNotificationsRoute, ({ ctx }) => countUnread(deps, ctx));
  registerRoute(app, auth, MarkNotificationReadRoute, ({ ctx, params }) => markRead(deps, ctx, params.id));
  registerRoute(app, auth, MarkAllNotificationsReadRoute, ({ ctx }) => markAllRead(deps, ctx));
};
