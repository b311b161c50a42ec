import { BankOutlined, ShopOutlined, TagsOutlined, TeamOutlined } from '@ant-design/icons';
import type { Action, Resource } from '@gaodi/contracts';
import { type ReactNode, Suspense, useMemo } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const EnterprisesPage = lazyPage(() => import('./enterprises-page.tsx'), 'EnterprisesPage');
const EnterprisePage = lazyPage(() => import('./enterprise-page.tsx'), 'EnterprisePage');
const EnterpriseFormPage = lazyPage(() => import('./enterprise-form-page.tsx'), 'EnterpriseFormPage');
const InstitutesPage = lazyPage(() => import('./institutes-page.tsx'), 'InstitutesPage');
const InstitutePage = lazyPage(() => import('./institute-page.tsx'), 'InstitutePage');
const InstituteFormPage = lazyPage(() => import('./institute-form-page.tsx'), 'InstituteFormPage');
const ExpertsPage = lazyPage(() => import('./experts-page.tsx'), 'ExpertsPage');
const ExpertFormPage = lazyPage(() => import('./expert-form-page.tsx'), 'ExpertFormPage');
const IndustriesPage = lazyPage(() => import('./industries-page.tsx'), 'IndustriesPage');

/** A page the role may not use shows the 403 page (the menu does not offer it either). */
function Allowed({
  resource,
  action = 'read',
  children,
}: {
  resource: Resource;
  action?: Action;
  children: ReactNode;
}) {
  const can = useCan();
  return can(resource, action) ? children : <ForbiddenPage />;
}

/** The list, new, detail and edit pages of one directory resource. */
function ResourceRoutes({
  resource,
  list,
  form,
  detail,
}: {
  resource: Resource;
  list: ReactNode;
  form: ReactNode;
  detail?: ReactNode;
}) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<Allowed resource={resource}>{list}</Allowed>} />
        <Route
          path="new"
          element={
            <Allowed resource={resource} action="create">
              {form}
            </Allowed>
          }
        />
        {detail && <Route path=":id" element={<Allowed resource={resource}>{detail}</Allowed>} />}
        <Route
          path=":id/edit"
          element={
            <Allowed resource={resource} action="update">
              {form}
            </Allowed>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** /enterprises/* */
export function EnterprisesRoutes() {
  return (
    <ResourceRoutes
      resource="enterprise"
      list={<EnterprisesPage />}
      form={<EnterpriseFormPage />}
      detail={<EnterprisePage />}
    />
  );
}

/** /institutes/* */
export function InstitutesRoutes() {
  return (
    <ResourceRoutes
      resource="institute"
      list={<InstitutesPage />}
      form={<InstituteFormPage />}
      detail={<InstitutePage />}
    />
  );
}

/** /experts/* */
export function ExpertsRoutes() {
  return <ResourceRoutes resource="expert" list={<ExpertsPage />} form={<ExpertFormPage />} />;
}

/** /industries */
export function IndustriesRoute() {
  return (
    <Allowed resource="industry">
      <Suspense fallback={<PageLoading />}>
        <IndustriesPage />
      </Suspense>
    </Allowed>
  );
}

/** The 名录 menu group: what the role may read. */
export function useDirectoryNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  return useMemo(() => {
    const children: NavItem[] = [];
    if (can('enterprise', 'read'))
      children.push({
        key: 'enterprises',
        icon: <ShopOutlined />,
        label: <Link to="/enterprises">{t('nav.enterprises')}</Link>,
      });
    if (can('institute', 'read'))
      children.push({
        key: 'institutes',
        icon: <BankOutlined />,
        label: <Link to="/institutes">{t('nav.institutes')}</Link>,
      });
    if (can('expert', 'read'))
      children.push({
        key: 'experts',
        icon: <TeamOutlined />,
        label: <Link to="/experts">{t('nav.experts')}</Link>,
      });
    if (can('industry', 'create'))
      children.push({
        key: 'industries',
        icon: <TagsOutlined />,
        label: <Link to="/industries">{t('nav.industries')}</Link>,
      });
    return children.length > 0
      ? { key: 'directory', label: t('nav.directory'), type: 'group', children }
      : null;
  }, [can, t]);
}
