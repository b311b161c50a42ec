import { UserOutlined } from '@ant-design/icons';
import { Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const UsersPage = lazyPage(() => import('./users-page.tsx'), 'UsersPage');

/** /users */
export function UsersRoute() {
  const can = useCan();
  if (!can('user', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <UsersPage />
    </Suspense>
  );
}

export function useUsersNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  return useMemo(
    () =>
      can('user', 'read')
        ? { key: 'users', icon: <UserOutlined />, label: <Link to="/users">{t('nav.users')}</Link> }
        : null,
    [can, t],
  );
}
