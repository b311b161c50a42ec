import { TeamOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const MeetingsPage = lazyPage(() => import('./meetings-page.tsx'), 'MeetingsPage');
const MeetingPage = lazyPage(() => import('./meeting-page.tsx'), 'MeetingPage');
const DecisionsPage = lazyPage(() => import('./decisions-page.tsx'), 'DecisionsPage');

/** /roundtable/*: meetings, one meeting, the decisions followed up. */
export function RoundtableRoutes() {
  const can = useCan();
  if (!can('roundtable', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<MeetingsPage />} />
        <Route path="decisions" element={<DecisionsPage />} />
        <Route path=":id" element={<MeetingPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** 圆桌会议 in the menu for whoever reads the round-table. */
export function useMeetingsNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  if (!can('roundtable', 'read')) return null;
  return { key: 'roundtable', icon: <TeamOutlined />, label: <Link to="/roundtable">{t('mt.nav')}</Link> };
}
