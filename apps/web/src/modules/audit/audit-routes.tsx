import { AuditOutlined } from '@ant-design/icons';
import { type ComponentType, lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const AuditPage = lazy(async () => ({
  default: (await import('./audit-page.tsx')).AuditPage as ComponentType,
}));

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
