import { BankOutlined, RiseOutlined } from '@ant-design/icons';
import { type ComponentType, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const CarriersPage = lazyPage(() => import('./carriers-page.tsx'), 'CarriersPage');
const CarrierPage = lazyPage(() => import('./carrier-page.tsx'), 'CarrierPage');
const IncubateesPage = lazyPage(() => import('./incubatees-page.tsx'), 'IncubateesPage');
const IncubateePage = lazyPage(() => import('./incubatee-page.tsx'), 'IncubateePage');

function Pages({ list, one }: { list: ComponentType; one: ComponentType }) {
  const can = useCan();
  if (!can('incubation', 'read')) return <ForbiddenPage />;
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

/** /carriers/* */
export const CarriersRoutes = () => <Pages list={CarriersPage} one={CarrierPage} />;
/** /incubatees/* (the indicators' records link here) */
export const IncubateesRoutes = () => <Pages list={IncubateesPage} one={IncubateePage} />;

/** 孵化 in the menu: carriers and incubatees. */
export function useIncubationNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  if (!can('incubation', 'read')) return null;
  return {
    key: 'incubation',
    label: t('nav.incubation'),
    type: 'group',
    children: [
      {
        key: 'incubatees',
        icon: <RiseOutlined />,
        label: <Link to="/incubatees">{t('nav.incubatees')}</Link>,
      },
      { key: 'carriers', icon: <BankOutlined />, label: <Link to="/carriers">{t('nav.carriers')}</Link> },
    ],
  };
}
