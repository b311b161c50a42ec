import {
  CountUnreadNotificationsRoute,
  GetNotificationPreferencesRoute,
  ListChannelSettingsRoute,
  ListNotificationsRoute,
  MarkAllNotificationsReadRoute,
  MarkNotificationReadRoute,
  SaveChannelSettingsRoute,
  SaveNotificationPreferencesRoute,
  TestChannelRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../auth/auth.service.ts';
import type { Clock } from '../clock.ts';
import type { DataBox } from '../crypto/data-box.ts';
import type { Database } from '../db/database.ts';
import { registerRoute } from '../http/route.ts';
import { listChannelSettings, saveChannelSettings } from './channel-settings.ts';
import { testChannel } from './channel-test.ts';
import type { ChannelConfigs } from './channels/channel-config.ts';
import { countUnread, listNotifications, markAllRead, markRead } from './inbox.ts';
import { getPreferences, savePreferences } from './preferences.ts';

/** The signed-in user's inbox and preferences; the region's channels for its system administrator. */
export const notificationsRoutes: FastifyPluginAsync<{
  auth: AuthService;
  db: Database;
  clock: Clock;
  box: DataBox;
  configs: ChannelConfigs;
  /** The site's address, for the test message's link. */
  publicUrl: string;
}> = async (app, deps) => {
  const { auth } = deps;
  registerRoute(app, auth, ListNotificationsRoute, ({ ctx, query }) => listNotifications(deps, ctx, query));
  registerRoute(app, auth, CountUnreadNotificationsRoute, ({ ctx }) => countUnread(deps, ctx));
  registerRoute(app, auth, MarkNotificationReadRoute, ({ ctx, params }) => markRead(deps, ctx, params.id));
  registerRoute(app, auth, MarkAllNotificationsReadRoute, ({ ctx }) => markAllRead(deps, ctx));
  registerRoute(app, auth, GetNotificationPreferencesRoute, ({ ctx }) => getPreferences(deps, ctx));
  registerRoute(app, auth, SaveNotificationPreferencesRoute, ({ ctx, body }) =>
    savePreferences(deps, ctx, body),
  );
  registerRoute(app, auth, ListChannelSettingsRoute, ({ ctx }) => listChannelSettings(deps, ctx));
  registerRoute(app, auth, SaveChannelSettingsRoute, ({ ctx, body }) => saveChannelSettings(deps, ctx, body));
  registerRoute(app, auth, TestChannelRoute, ({ ctx, params, body }) =>
    testChannel(deps, ctx, params.channel, body),
  );
};
