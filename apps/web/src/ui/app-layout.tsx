import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { NavItem } from './nav-table.tsx';

export type { NavItem } from './nav-table.tsx';

type Frame = {
  brand: string;
  brandShort: string;
  items: NavItem[];
  /** The menu entry of the current page (from the routing table: the longest matching path). */
  selectedKeys: string[];
  openKeys: string[];
  headerRight: ReactNode;
  footer: ReactNode;
  children: ReactNode;
};

/** The header: the menu button on phones, the brand, and whatever the caller puts on the right. */
function AppHeader({
  brand,
  brandShort,
  headerRight,
  menu,
}: Pick<Frame, 'brand' | 'brandShort' | 'headerRight'> & {
  menu: { isNarrow: boolean; collapsed: boolean; toggle: () => void };
}) {
  return (
    <Layout.Header className="app-header">
      {menu.isNarrow && (
        <Button
          type="text"
          className="app-menu-toggle"
          icon={menu.collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          aria-label="menu"
          aria-expanded={!menu.collapsed}
          onClick={menu.toggle}
          data-testid="menu-toggle"
        />
      )}
      <Link to="/" className="app-brand" aria-label={brand}>
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span className="app-brand-full">{brand}</span>
        <span className="app-brand-short">{brandShort}</span>
      </Link>
      <div className="app-header-right">{headerRight}</div>
    </Layout.Header>
  );
}

/**
 * The application frame: a side menu that collapses to nothing below the `md` breakpoint (phones),
 * a header with the brand and whatever the caller puts on the right, and the page.
 */
export function AppLayout({ items, selectedKeys, openKeys, footer, children, ...header }: Frame) {
  const [isNarrow, setIsNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout className="app-layout">
      <AppHeader {...header} menu={{ isNarrow, collapsed, toggle: () => setCollapsed((c) => !c) }} />
      <Layout hasSider>
        <Layout.Sider
          className={`app-sider${isNarrow ? ' app-sider-overlay' : ''}`}
          theme="light"
          width={208}
          breakpoint="md"
          collapsedWidth={0}
          collapsible
          // Phones open the menu from the header button; on wider screens it is always there.
          trigger={null}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onBreakpoint={(broken) => {
            setIsNarrow(broken);
            setCollapsed(broken);
          }}
          data-testid="side-menu"
        >
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selectedKeys}
            defaultOpenKeys={openKeys}
            onClick={() => isNarrow && setCollapsed(true)}
            style={{ borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        {isNarrow && !collapsed && (
          // biome-ignore lint/a11y/noStaticElementInteractions: the menu's own trigger is the keyboard path; this is a tap-away backdrop.
          // biome-ignore lint/a11y/useKeyWithClickEvents: see above
          <div className="app-sider-backdrop" onClick={() => setCollapsed(true)} />
        )}
        <Layout className="app-main">
          <Layout.Content className="app-content">{children}</Layout.Content>
          <Layout.Footer className="app-footer">{footer}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}

/** True below the `md` breakpoint (phones): tables drop fixed columns and scroll instead. */
export function useIsNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
