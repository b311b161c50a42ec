import { ApiOutlined } from '@ant-design/icons';
import { Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const IntegrationPage = lazyPage(() => import('./integration-page.tsx'), 'IntegrationPage');

/** /integration */
export function IntegrationRoute() {
  const can = useCan();
  if (!can('api_key', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <IntegrationPage />
    </Suspense>
  );
}

export function useIntegrationNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  return useMemo(
    () =>
      can('api_key', 'read')
        ? {
            key: 'integration',
            icon: <ApiOutlined />,
            label: <Link to="/integration">{t('nav.integration')}</Link>,
          }
        : null,
    [can, t],
  );
}
