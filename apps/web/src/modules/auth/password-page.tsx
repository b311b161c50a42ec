import { LockOutlined } from '@ant-design/icons';
import { PasswordChangeInput, translateMessage } from '@gaodi/contracts';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { useChangePassword, useLogout, useSession } from './use-session.ts';

type Values = { currentPassword?: string; newPassword?: string; confirm?: string };

/** The change form: current password, new password twice; the policy's reasons land on the fields. */
function PasswordForm({ onDone }: { onDone: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (values: Values) => {
    setFormError(null);
    if (values.newPassword !== values.confirm) {
      form.setFields([{ name: 'confirm', errors: [t('password.mismatch')] }]);
      return;
    }
    const parsed = PasswordChangeInput.safeParse({
      currentPassword: values.currentPassword ?? '',
      newPassword: values.newPassword ?? '',
    });
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({
          name: String(i.path[0]) as keyof Values,
          errors: [translateMessage(i.message, lang)],
        })),
      );
      return;
    }
    change.mutate(parsed.data, {
      onSuccess: onDone,
      onError: (error) => setFormError(showSubmitError(form, error)),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      style={{ maxWidth: 420 }}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={256} data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policy')}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}

/** 修改密码, reached from the header's user menu. */
export function PasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <Page title={t('password.title')} crumbs={[{ title: t('password.title') }]} testId="password-page">
      <Panel>
        <PasswordForm
          onDone={() => {
            message.success(t('password.changed'));
            navigate('/');
          }}
        />
      </Panel>
    </Page>
  );
}

/** Shown instead of the app while the signed-in user still has an initial or reset password. */
export function ForcedPasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const logout = useLogout();
  return (
    <div className="login-page" data-testid="forced-password-page">
      <div className="login-top">
        <span className="app-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {t('app.fullTitle')}
        </span>
        <LangSwitch />
      </div>
      <div className="login-body">
        <Card className="login-card" variant="borderless">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            <LockOutlined /> {t('password.forcedTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('password.forcedIntro', { name: me.username })}
          </Typography.Paragraph>
          <PasswordForm onDone={() => message.success(t('password.changed'))} />
          <Button type="link" style={{ paddingLeft: 0, marginTop: 12 }} onClick={() => logout.mutate()}>
            {t('auth.logout')}
          </Button>
        </Card>
      </div>
      <div className="login-footer">{t('app.footer')}</div>
    </div>
  );
}
