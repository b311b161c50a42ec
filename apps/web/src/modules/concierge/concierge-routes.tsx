import { CustomerServiceOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const RequestsPage = lazyPage(() => import('./requests-page.tsx'), 'RequestsPage');
const RequestPage = lazyPage(() => import('./request-page.tsx'), 'RequestPage');
const ServiceSettingsPage = lazyPage(() => import('./service-settings-page.tsx'), 'ServiceSettingsPage');
/** The public station page (no sign-in), routed outside the shell. */
export const StationRoute = lazyPage(() => import('./station-page.tsx'), 'StationPage');

/** /concierge/* */
export function ConciergeRoutes() {
  const can = useCan();
  if (!can('service_request', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<RequestsPage />} />
        <Route path=":id" element={<RequestPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

export function useConciergeNav(): NavItem | null {
  const can = useCan();
  const { lang } = useI18n();
  if (!can('service_request', 'read')) return null;
  return {
    key: 'concierge',
    icon: <CustomerServiceOutlined />,
    label: <Link to="/concierge">{lang === 'zh' ? '帮办诉求' : 'Service requests'}</Link>,
  };
}

/** 帮办时限与工作日历 (mounted by the app's router at /settings/concierge). */
export function ServiceSettingsRoute() {
  const can = useCan();
  if (!can('service_setting', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <ServiceSettingsPage />
    </Suspense>
  );
}

/** Its menu entry under 系统管理, for whoever may change the office's terms. */
export function useServiceSettingsNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  if (!can('service_setting', 'update')) return null;
  return {
    key: 'settings-concierge',
    icon: <FieldTimeOutlined />,
    label: <Link to="/settings/concierge">{t('ct.settings')}</Link>,
  };
}
