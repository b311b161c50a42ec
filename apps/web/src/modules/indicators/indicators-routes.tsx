import { DashboardOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const DashboardPage = lazyPage(() => import('./dashboard-page.tsx'), 'DashboardPage');
const IndicatorRecordsPage = lazyPage(() => import('./indicator-records-page.tsx'), 'IndicatorRecordsPage');

/** /dashboard: the leadership dashboard. */
export function DashboardRoute() {
  const can = useCan();
  if (!can('indicator', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <DashboardPage />
    </Suspense>
  );
}

/** /indicators/:code: the records behind a figure. */
export function IndicatorsRoutes() {
  const can = useCan();
  if (!can('indicator', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path=":code" element={<IndicatorRecordsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** 领导驾驶舱 in the menu. */
export function useIndicatorsNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  if (!can('indicator', 'read')) return null;
  return {
    key: 'dashboard',
    icon: <DashboardOutlined />,
    label: <Link to="/dashboard">{t('ind.dashboard')}</Link>,
  };
}
