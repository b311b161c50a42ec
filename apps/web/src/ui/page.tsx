import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Flex, Spin, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from './i18n.tsx';

type Crumb = { title: string; to?: string };

/** The frame of every page: breadcrumb, title with actions, then the content on a white panel. */
export function Page({
  title,
  crumbs,
  extra,
  back,
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
  const docTitle = typeof title === 'string' ? title : crumbs?.at(-1)?.title;
  useEffect(() => {
    document.title = docTitle ? `${docTitle} - ${t('app.fullTitle')}` : t('app.fullTitle');
  }, [docTitle, t]);
  return (
    <div className="page" data-testid={testId}>
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          className="page-crumbs"
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
