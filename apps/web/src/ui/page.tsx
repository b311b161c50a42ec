import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Flex, Spin, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useI18n } from './i18n.tsx';
import { entryOf, returnTo, useNavTable } from './nav-table.tsx';

type Crumb = { title: string; to?: string };

/**
 * The breadcrumb of a page from the routing table: a list page without crumbs of its own gets its
 * menu group and name; a record's first crumb and back arrow lead to the list of its section the
 * user came from (with its filters), not always to the section's first screen.
 */
function useCrumbs(
  crumbs: Crumb[] | undefined,
  back: string | undefined,
): { crumbs?: Crumb[]; back?: string } {
  const entries = useNavTable();
  const { pathname } = useLocation();
  if (!crumbs) {
    const here = entryOf(entries, pathname);
    const own = here && here.to === pathname && here.to !== '/' ? here : null;
    const crumbsOfTable: Crumb[] | undefined = own
      ? [...(own.group ? [{ title: own.group }] : []), { title: own.label }]
      : undefined;
    return { crumbs: crumbsOfTable, back };
  }
  const i = crumbs.findIndex((c) => c.to);
  const list = crumbs[i];
  if (!list?.to) return { crumbs, back };
  const way = returnTo(entries, list.to, list.title);
  return {
    crumbs: crumbs.map((c, j) => (j === i ? way : c)),
    back: back === list.to ? way.to : back,
  };
}

/** The frame of every page: breadcrumb, title with actions, then the content on a white panel. */
export function Page({
  title,
  crumbs: given,
  extra,
  back: givenBack,
  children,
  testId,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  extra?: ReactNode;
  back?: string;
  children: ReactNode;
  testId?: string;
}) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const { crumbs, back } = useCrumbs(given, givenBack);
  const docTitle = typeof title === 'string' ? title : crumbs?.at(-1)?.title;
  useEffect(() => {
    document.title = docTitle ? `${docTitle} - ${t('app.fullTitle')}` : t('app.fullTitle');
  }, [docTitle, t]);
  return (
    <div className="page" data-testid={testId}>
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          className="page-crumbs"
          data-testid="page-crumbs"
          items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
        />
      )}
      <Flex className="page-head" justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={8}>
          {back && (
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('common.back')}
              data-testid="page-back"
              onClick={() => navigate(back)}
            />
          )}
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
        </Flex>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}

export function Panel({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={`panel ${className ?? ''}`}>{children}</div>;
}

export function PageLoading() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
