import { BulbOutlined, CalendarOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { useProjectsNav } from '../projects/projects-routes.tsx';

const NeedsPage = lazyPage(() => import('./needs-page.tsx'), 'NeedsPage');
const NeedPage = lazyPage(() => import('./need-page.tsx'), 'NeedPage');
const AchievementsPage = lazyPage(() => import('./achievements-page.tsx'), 'AchievementsPage');
const EventsPage = lazyPage(() => import('./events-page.tsx'), 'EventsPage');
const EventPage = lazyPage(() => import('./event-page.tsx'), 'EventPage');
const CheckinPageLazy = lazyPage(() => import('./checkin-page.tsx'), 'CheckinPage');

/** /needs/* */
export function NeedsRoutes() {
  const can = useCan();
  if (!can('need', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<NeedsPage />} />
        <Route path=":id" element={<NeedPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** /achievements */
export function AchievementsRoute() {
  const can = useCan();
  if (!can('achievement', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <AchievementsPage />
    </Suspense>
  );
}

/** /events/* */
export function EventsRoutes() {
  const can = useCan();
  if (!can('event', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<EventsPage />} />
        <Route path=":id" element={<EventPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** /checkin/:token — public: the phone page the event's QR code opens. */
export function CheckinRoute() {
  return (
    <Suspense fallback={<PageLoading />}>
      <CheckinPageLazy />
    </Suspense>
  );
}

/** The 产学研对接 menu group, for the roles that may read any of it. */
export function useMatchmakingNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  const projects = useProjectsNav();
  const children: NavItem[] = [];
  if (can('need', 'read'))
    children.push({ key: 'needs', icon: <BulbOutlined />, label: <Link to="/needs">{t('mm.needs')}</Link> });
  if (can('achievement', 'read'))
    children.push({
      key: 'achievements',
      icon: <ExperimentOutlined />,
      label: <Link to="/achievements">{t('mm.achievements')}</Link>,
    });
  if (can('event', 'read'))
    children.push({
      key: 'events',
      icon: <CalendarOutlined />,
      label: <Link to="/events">{t('mm.events')}</Link>,
    });
  if (projects) children.push(projects);
  if (children.length === 0) return null;
  return { key: 'matchmaking-group', label: t('nav.matchmaking'), type: 'group', children };
}
