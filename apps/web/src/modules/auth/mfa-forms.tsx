import { Alert, Button, Form, Input, QRCode, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { useBeginMfa, useConfirmMfa } from './use-session.ts';

/** One code field and its button; the server's reason lands on the field. */
export function CodeForm({
  submitLabel,
  pending,
  onSubmit,
}: {
  submitLabel: string;
  pending: boolean;
  onSubmit: (code: string, fail: (error: unknown) => void) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      style={{ maxWidth: 360 }}
      onFinish={({ code }) => {
        setFormError(null);
        onSubmit(code.trim(), (error) => setFormError(showSubmitError(form, error)));
      }}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form.Item
        name="code"
        label={t('mfa.code')}
        rules={[{ required: true, whitespace: true, message: t('mfa.codeRequired') }]}
      >
        <Input
          autoComplete="one-time-code"
          inputMode="text"
          maxLength={20}
          autoFocus
          data-testid="mfa-code"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="mfa-submit">
        {submitLabel}
      </Button>
    </Form>
  );
}

/** The ten recovery codes, shown once, with the button that acknowledges them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="mfa-recovery">
      <Typography.Title level={5}>{t('mfa.recoveryTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mfa.recoveryIntro')}</Typography.Paragraph>
      <pre className="mfa-recovery-codes" style={{ columns: 2, fontSize: 15, lineHeight: 1.8 }}>
        {codes.join('\n')}
      </pre>
      <Button type="primary" onClick={onDone} data-testid="mfa-recovery-saved">
        {t('mfa.recoverySaved')}
      </Button>
    </div>
  );
}

/**
 * Setting up two-step sign-in: a new key as a QR code (otpauth://) and as text, the first code
 * from the app to confirm it, then the recovery codes.
 */
export function MfaEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const begin = useBeginMfa();
  const confirm = useConfirmMfa();
  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onDone} />;
  if (!begin.data)
    return (
      <Space orientation="vertical">
        {begin.error && <Alert type="error" showIcon title={begin.error.message} />}
        <Button
          type="primary"
          loading={begin.isPending}
          onClick={() => begin.mutate()}
          data-testid="mfa-start"
        >
          {t('mfa.start')}
        </Button>
      </Space>
    );
  return (
    <div>
      <Typography.Paragraph>{t('mfa.scan')}</Typography.Paragraph>
      <QRCode value={begin.data.otpauthUri} size={180} data-testid="mfa-qr" style={{ marginBottom: 12 }} />
      <Typography.Paragraph>
        {t('mfa.secret')}:{' '}
        <Typography.Text code copyable data-testid="mfa-secret">
          {begin.data.secret}
        </Typography.Text>
      </Typography.Paragraph>
      <CodeForm
        submitLabel={t('mfa.confirm')}
        pending={confirm.isPending}
        onSubmit={(code, fail) => confirm.mutate(code, { onError: fail })}
      />
    </div>
  );
}

/** The sign-in pages' frame (brand, language switch, one card). */
export function GateFrame({ children, testId }: { children: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="login-page" data-testid={testId}>
      <div className="login-top">
        <span className="app-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {t('app.fullTitle')}
        </span>
        <LangSwitch />
      </div>
      <div className="login-body">
        <div className="login-card" style={{ background: '#fff', padding: 24, borderRadius: 8 }}>
          {children}
        </div>
      </div>
      <div className="login-footer">{t('app.footer')}</div>
    </div>
  );
}
