import { AlertOutlined } from '@ant-design/icons';
import { type ComponentType, lazy } from 'react';
import { Link } from 'react-router';
import type { NavItem } from '../../ui/app-layout.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';

/** The light-rules page, loaded on first visit (mounted by the app's router at /supervision-rules). */
export const SupervisionRulesRoute = lazy(async () => ({
  default: (await import('./supervision-rules-page.tsx')).SupervisionRulesPage as ComponentType,
}));

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
