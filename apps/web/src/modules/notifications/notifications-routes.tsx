import { BellOutlined, NotificationOutlined } from '@ant-design/icons';
import { Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

/** The inbox page, loaded on first visit (mounted by the app's router at /notifications). */
export const InboxRoute = lazyPage(() => import('./inbox-page.tsx'), 'InboxPage');

const ChannelsPage = lazyPage(() => import('./channels-page.tsx'), 'ChannelsPage');
const PreferencesPage = lazyPage(() => import('./preferences-page.tsx'), 'PreferencesPage');

/** /settings/notification-channels (the region's system administrator). */
export function ChannelsRoute() {
  const can = useCan();
  if (!can('notification_channel', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <ChannelsPage />
    </Suspense>
  );
}

/** /settings/notifications (every user, their own). */
export function PreferencesRoute() {
  const can = useCan();
  if (!can('notification', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <PreferencesPage />
    </Suspense>
  );
}

/** 通知渠道 under 系统管理. */
export function useChannelsNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  return useMemo(
    () =>
      can('notification_channel', 'read')
        ? {
            key: 'notification-channels',
            icon: <NotificationOutlined />,
            label: <Link to="/settings/notification-channels">{t('nav.notificationChannels')}</Link>,
          }
        : null,
    [can, t],
  );
}

/** 通知设置: one's own, for everyone who receives notifications. */
export function usePreferencesNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  return useMemo(
    () =>
      can('notification', 'read')
        ? {
            key: 'notification-settings',
            icon: <BellOutlined />,
            label: <Link to="/settings/notifications">{t('nav.notificationSettings')}</Link>,
          }
        : null,
    [can, t],
  );
}
