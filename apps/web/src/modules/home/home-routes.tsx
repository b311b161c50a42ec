import { HomeOutlined } from '@ant-design/icons';
import { Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';

const HomePage = lazyPage(() => import('./home-page.tsx'), 'HomePage');

/** / (every signed-in user) */
export function HomeRoute() {
  return (
    <Suspense fallback={<PageLoading />}>
      <HomePage />
    </Suspense>
  );
}

export function useHomeNav(): NavItem {
  const { t } = useI18n();
  return useMemo(
    () => ({ key: 'home', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> }),
    [t],
  );
}
