import { TagsOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

const StageLabelsPage = lazyPage(() => import('./stage-labels-page.tsx'), 'StageLabelsPage');

/** 阶段名称 (mounted by the app's router at /settings/stage-labels) for whoever may read the names. */
export function StageLabelsRoute() {
  const can = useCan();
  if (!can('stage_label', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <StageLabelsPage />
    </Suspense>
  );
}

/** The menu entry (under 系统管理) for the office's administrator, who names the stages. */
export function useSettingsNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  if (!can('stage_label', 'update')) return null;
  return {
    key: 'settings',
    icon: <TagsOutlined />,
    label: <Link to="/settings/stage-labels">{t('stageNames.title')}</Link>,
  };
}
