import {
  DownOutlined,
  EnvironmentOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type Me, type Region, ROLE_LABELS } from '@gaodi/contracts';
import { App, Avatar, Dropdown, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type Lang, useI18n } from '../../ui/i18n.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { useLogout, useSession, useSwitchRegion } from './use-session.ts';

type RegionNode = { value: string; title: string; children: RegionNode[] };

export function regionName(region: Region, lang: Lang) {
  return lang === 'zh' ? region.name : region.nameEn;
}

/** The user's regions as a tree (province → city → county) rooted at their own region. */
export function regionTree(regions: Region[], lang: Lang): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const r of regions) nodes.set(r.code, { value: r.code, title: regionName(r, lang), children: [] });
  const roots: RegionNode[] = [];
  for (const r of regions) {
    const node = nodes.get(r.code);
    if (!node) continue;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function RegionSwitch({ me }: { me: Me }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const switchRegion = useSwitchRegion();
  const tree = useMemo(() => regionTree(me.regions, lang), [me.regions, lang]);
  return (
    <TreeSelect
      data-testid="region-switch"
      aria-label={t('auth.region')}
      className="region-switch"
      value={me.activeRegionCode}
      treeData={tree}
      treeDefaultExpandAll
      loading={switchRegion.isPending}
      prefix={<EnvironmentOutlined />}
      popupMatchSelectWidth={false}
      style={{ minWidth: 140 }}
      onChange={(code: string) => {
        const region = me.regions.find((r) => r.code === code);
        switchRegion.mutate(code, {
          onSuccess: () =>
            message.success(t('auth.regionSwitched', { name: region ? regionName(region, lang) : code })),
          onError: (error) => message.error(error.message),
        });
      }}
    />
  );
}

/** Right side of the header: region switcher, language, the user and sign-out. */
export function SessionHeader() {
  const me = useSession();
  const { lang, setLang, t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      {me.regions.length > 1 && <RegionSwitch me={me} />}
      <span className="hide-narrow">
        <LangSwitch />
      </span>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'role', label: `${me.username} · ${ROLE_LABELS[me.role][lang]}`, disabled: true },
            { key: 'lang', label: <span data-testid="lang-switch-menu">{t('lang.switch')}</span> },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="password-menu">{t('password.title')}</span>,
            },
            {
              key: 'mfa',
              icon: <SafetyOutlined />,
              label: <span data-testid="mfa-menu">{t('mfa.title')}</span>,
            },
            { type: 'divider' },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: <span data-testid="logout">{t('auth.logout')}</span>,
              danger: true,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'logout') logout.mutate();
            if (key === 'lang') setLang(lang === 'zh' ? 'en' : 'zh');
            if (key === 'password') navigate('/password');
            if (key === 'mfa') navigate('/mfa');
          },
        }}
      >
        <button
          type="button"
          className="app-user"
          data-testid="user-menu"
          style={{ background: 'none', border: 0 }}
        >
          <Avatar size={28} icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.2)' }} />
          <span className="app-user-name">{me.displayName}</span>
          <span className="app-user-role">{ROLE_LABELS[me.role][lang]}</span>
          <DownOutlined style={{ fontSize: 10 }} />
        </button>
      </Dropdown>
    </>
  );
}
