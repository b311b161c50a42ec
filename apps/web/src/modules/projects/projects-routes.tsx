import { ProjectOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage, NotFoundPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan, useSession } from '../auth/use-session.ts';

const ProjectsPage = lazyPage(() => import('./projects-page.tsx'), 'ProjectsPage');
const ProjectPage = lazyPage(() => import('./project-page.tsx'), 'ProjectPage');

/** /projects/* */
export function ProjectsRoutes() {
  const can = useCan();
  if (!can('project', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<ProjectsPage />} />
        <Route path=":id" element={<ProjectPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** 合作项目 in the menu (a helper's entry opens on their caseload). */
export function useProjectsNav(): NavItem | null {
  const can = useCan();
  const me = useSession();
  const { t } = useI18n();
  if (!can('project', 'read')) return null;
  return {
    key: 'projects',
    icon: <ProjectOutlined />,
    label: <Link to="/projects">{me.role === 'helper' ? t('proj.caseload') : t('proj.projects')}</Link>,
  };
}
