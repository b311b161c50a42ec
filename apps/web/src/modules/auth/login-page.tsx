import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginInput } from '@gaodi/contracts';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { useLogin, useMe } from './use-session.ts';

/** Only same-site paths are followed after login, never an absolute URL someone put in the link. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** User name and password; the answer (an error, the redirect) is the page's. */
function LoginForm({ onSubmit, isPending }: { onSubmit: (values: LoginInput) => void; isPending: boolean }) {
  const { t } = useI18n();
  return (
    <Form<LoginInput>
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={onSubmit}
      autoComplete="on"
    >
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          maxLength={64}
          data-testid="login-username"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          maxLength={256}
          data-testid="login-password"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={isPending} data-testid="login-submit">
        {t('auth.login')}
      </Button>
    </Form>
  );
}

/** The sign-in page: who the platform is for, and the form; a signed-in visitor goes on to `next`. */
export function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  return (
    <div className="login-page">
      <div className="login-top">
        <span className="app-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {t('app.fullTitle')}
        </span>
        <LangSwitch />
      </div>
      <div className="login-body">
        <div className="login-intro">
          <h1>{t('auth.loginSlogan')}</h1>
          <p>{t('auth.loginIntro')}</p>
          <p style={{ fontSize: 13, opacity: 0.8 }}>{t('auth.security')}</p>
        </div>
        <Card className="login-card" variant="borderless">
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20, textAlign: 'center' }}>
            {t('auth.loginTitle')}
          </Typography.Title>
          {login.error && (
            <Alert
              type="error"
              showIcon
              title={login.error.message}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <LoginForm onSubmit={(values) => login.mutate(values)} isPending={login.isPending} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('auth.loginHint')}
          </Typography.Paragraph>
        </Card>
      </div>
      <div className="login-footer">{t('app.footer')}</div>
    </div>
  );
}
