import { AlertOutlined, CommentOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { ForbiddenPage } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { lazyPage } from '../../ui/lazy-page.ts';
import { PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

/** The light-rules page, loaded on first visit (mounted by the app's router at /supervision-rules). */
export const SupervisionRulesRoute = lazyPage(
  () => import('./supervision-rules-page.tsx'),
  'SupervisionRulesPage',
);

/** The menu entry for whoever may read the rules (the system administrator may change them). */
export function useSupervisionNav(): NavItem | null {
  const can = useCan();
  const { lang } = useI18n();
  if (!can('supervision_rule', 'update')) return null;
  return {
    key: 'supervision-rules',
    icon: <AlertOutlined />,
    label: <Link to="/supervision-rules">{lang === 'en' ? 'Light rules' : '督办亮灯规则'}</Link>,
  };
}

const ProposalsPage = lazyPage(() => import('./proposals-page.tsx'), 'ProposalsPage');

/** 圆桌议题建议 (mounted by the app's router at /supervision/proposals) for whoever may read it. */
export function ProposalsRoute() {
  const can = useCan();
  if (!can('roundtable_proposal', 'read')) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageLoading />}>
      <ProposalsPage />
    </Suspense>
  );
}

/** The supervision (督办) menu group: round-table proposals, for the roles that may read them. */
export function useRoundtableNav(): NavItem | null {
  const can = useCan();
  const { t } = useI18n();
  if (!can('roundtable_proposal', 'read')) return null;
  return {
    key: 'supervision-group',
    label: t('rt.nav'),
    type: 'group',
    children: [
      {
        key: 'supervision',
        icon: <CommentOutlined />,
        label: <Link to="/supervision/proposals">{t('rt.proposals')}</Link>,
      },
    ],
  };
}
