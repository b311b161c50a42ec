import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from './api.ts';
import { useI18n } from './i18n.tsx';

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('error.403.title')}
      subTitle={t('error.403.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
      data-testid="page-403"
    />
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('error.404.title')}
      subTitle={t('error.404.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
      data-testid="page-404"
    />
  );
}

/** What a failed query shows in place of its content: 403 and 404 get their own pages. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (isApiError(error) && error.statusCode === 403) return <ForbiddenPage />;
  if (isApiError(error) && error.statusCode === 404)
    return (
      <Result
        status="404"
        title={t('error.notFoundRecord')}
        extra={
          <Link to="/">
            <Button>{t('error.backHome')}</Button>
          </Link>
        }
        data-testid="page-404"
      />
    );
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

function CrashResult() {
  const { t } = useI18n();
  return (
    <Result
      status="500"
      title={t('error.crash')}
      subTitle={t('error.crashText')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}

type BoundaryState = { hasError: boolean };

/** Keeps a render error in one page from blanking the whole application. */
export class ErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { hasError: false };

  static getDerivedStateFromError(): BoundaryState {
    return { hasError: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.hasError ? <CrashResult /> : this.props.children;
  }
}
