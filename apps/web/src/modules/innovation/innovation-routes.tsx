import {
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  CrownOutlined,
  ReadOutlined,
} from '@ant-design/icons';
import { type ComponentType, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { IndustriesOverviewPage, IndustryPage } from '../elements/elements-routes.tsx';
import { TalentCataloguePage, TalentPage, TalentsPage } from '../talent/talent-routes.tsx';

const PlatformsPage = lazyPage(() => import('./platforms-page.tsx'), 'PlatformsPage');
const PlatformPage = lazyPage(() => import('./platform-page.tsx'), 'PlatformPage');
const CriteriaPage = lazyPage(() => import('./criteria-page.tsx'), 'CriteriaPage');

type Resource = 'platform' | 'talent' | 'platform_criteria';

/** A page of its own (criteria, catalogue) next to a list and its records, behind its own permission. */
type Extra = { path: string; page: ComponentType; resource: Resource };

function Guarded({ resource, page: Shown }: { resource: Resource; page: ComponentType }) {
  const can = useCan();
  return can(resource, 'read') ? <Shown /> : <ForbiddenPage />;
}

function Pages({
  resource,
  list,
  one,
  extra,
}: {
  resource: Resource;
  list: ComponentType;
  one: ComponentType;
  extra?: Extra;
}) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<Guarded resource={resource} page={list} />} />
        {extra && (
          <Route path={extra.path} element={<Guarded resource={extra.resource} page={extra.page} />} />
        )}
        <Route path=":id" element={<Guarded resource={resource} page={one} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** /platforms/* */
export const PlatformsRoutes = () => (
  <Pages
    resource="platform"
    list={PlatformsPage}
    one={PlatformPage}
    extra={{ path: 'criteria', page: CriteriaPage, resource: 'platform_criteria' }}
  />
);
/** /talents/* */
export const TalentsRoutes = () => (
  <Pages
    resource="talent"
    list={TalentsPage}
    one={TalentPage}
    extra={{ path: 'catalogue', page: TalentCataloguePage, resource: 'talent' }}
  />
);
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
  if (can('platform_criteria', 'read'))
    children.push({
      key: 'platform-criteria',
      icon: <AuditOutlined />,
      label: <Link to="/platforms/criteria">{t('nav.platformCriteria')}</Link>,
    });
  if (can('talent', 'read'))
    children.push({
      key: 'talent-catalogue',
      icon: <ReadOutlined />,
      label: <Link to="/talents/catalogue">{t('nav.talentCatalogue')}</Link>,
    });
  if (children.length === 0) return null;
  return { key: 'innovation', label: t('nav.innovation'), type: 'group', children };
}
