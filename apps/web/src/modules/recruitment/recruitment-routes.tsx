import { AppstoreOutlined, CarryOutOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { useText } from './recruitment-text.ts';

const BoardPage = lazyPage(() => import('./recruitment-board-page.tsx'), 'RecruitmentBoardPage');
const ListPage = lazyPage(() => import('./recruitment-list-page.tsx'), 'RecruitmentListPage');
const DetailPage = lazyPage(() => import('./recruitment-page.tsx'), 'RecruitmentPage');
const FormPage = lazyPage(() => import('./recruitment-form-page.tsx'), 'RecruitmentFormPage');
const MyWorkPage = lazyPage(() => import('./my-work-page.tsx'), 'MyWorkPage');

/** Everything under /recruitment (mounted by the app's router as `recruitment/*`). */
export function RecruitmentRoutes() {
  const can = useCan();
  if (!can('recruitment', 'read')) return <ForbiddenPage />;
  const mayCreate = can('recruitment', 'create');
  const mayUpdate = can('recruitment', 'update');
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<BoardPage />} />
        <Route path="records" element={<ListPage />} />
        <Route path="my-work" element={<MyWorkPage />} />
        <Route path="new" element={mayCreate ? <FormPage /> : <ForbiddenPage />} />
        <Route path=":id" element={<DetailPage />} />
        <Route path=":id/edit" element={mayUpdate ? <FormPage /> : <ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** The menu group of the recruitment screens, for the roles that may read them. */
export function useRecruitmentNav(): NavItem | null {
  const can = useCan();
  const t = useText();
  if (!can('recruitment', 'read')) return null;
  return {
    key: 'recruitment-group',
    label: t('title'),
    type: 'group',
    children: [
      { key: 'recruitment', icon: <AppstoreOutlined />, label: <Link to="/recruitment">{t('board')}</Link> },
      {
        key: 'recruitment-records',
        icon: <UnorderedListOutlined />,
        label: <Link to="/recruitment/records">{t('list')}</Link>,
      },
      {
        key: 'recruitment-my-work',
        icon: <CarryOutOutlined />,
        label: <Link to="/recruitment/my-work">{t('myWork')}</Link>,
      },
    ],
  };
}
