import { ApartmentOutlined, ClusterOutlined, CrownOutlined } from '@ant-design/icons';
import { type ComponentType, lazy, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { IndustriesOverviewPage, IndustryPage } from '../elements/elements-routes.tsx';
import { TalentPage, TalentsPage } from '../talent/talent-routes.tsx';

function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const PlatformsPage = lazyPage(() => import('./platforms-page.tsx'), 'PlatformsPage');
const PlatformPage = lazyPage(() => import('./platform-page.tsx'), 'PlatformPage');

function Pages({
  resource,
  list,
  one,
}: {
  resource: 'platform' | 'talent';
  list: ComponentType;
  one: ComponentType;
}) {
  const can = useCan();
  if (!can(resource, 'read')) return <ForbiddenPage />;
  const List = list;
  const One = one;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<List />} />
        <Route path=":id" element={<One />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** /platforms/* */
export const PlatformsRoutes = () => <Pages resource="platform" list={PlatformsPage} one={PlatformPage} />;
/** /talents/* */
export const TalentsRoutes = () => <Pages resource="talent" list={TalentsPage} one={TalentPage} />;
/** /elements/* (the industry pages read platforms) */
export const ElementsRoutes = () => (
  <Pages resource="platform" list={IndustriesOverviewPage} one={IndustryPage} />
);

/** 平台与人才 in the menu: platforms, talents, the industries' four elements. */
export function useInnovationNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  const children: NavItem[] = [];
  if (can('platform', 'read'))
    children.push({
      key: 'platforms',
      icon: <ApartmentOutlined />,
      label: <Link to="/platforms">{t('nav.platforms')}</Link>,
    });
  if (can('talent', 'read'))
    children.push({
      key: 'talents',
      icon: <CrownOutlined />,
      label: <Link to="/talents">{t('nav.talents')}</Link>,
    });
  if (can('platform', 'read'))
    children.push({
      key: 'elements',
      icon: <ClusterOutlined />,
      label: <Link to="/elements">{t('nav.elements')}</Link>,
    });
  if (children.length === 0) return null;
  return { key: 'innovation', label: t('nav.innovation'), type: 'group', children };
}
