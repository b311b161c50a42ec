import { AuditOutlined } from '@ant-design/icons';
import { Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const AuditPage = lazyPage(() => import('./audit-page.tsx'), 'AuditPage');

/** /audit */
export function AuditRoute() {
  const can = useCan();
  if (!can('audit', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <AuditPage />
    </Suspense>
  );
}

export function useAuditNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  return useMemo(
    () =>
      can('audit', 'read')
        ? { key: 'audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('nav.audit')}</Link> }
        : null,
    [can, t],
  );
}
