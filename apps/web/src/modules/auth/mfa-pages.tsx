import { SafetyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { CodeForm, GateFrame, MfaEnrolment, RecoveryCodes } from './mfa-forms.tsx';
import { ME_KEY, useLogout, useRenewRecoveryCodes, useSession, useVerifyMfa } from './use-session.ts';

/** After the password: the authenticator's code (or a recovery code) before anything else answers. */
export function MfaCodePage() {
  const { t } = useI18n();
  const me = useSession();
  const verify = useVerifyMfa();
  const logout = useLogout();
  return (
    <GateFrame testId="mfa-code-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <SafetyOutlined /> {t('mfa.codeTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('mfa.codeIntro', { name: me.username })}
      </Typography.Paragraph>
      <CodeForm
        submitLabel={t('mfa.verify')}
        pending={verify.isPending}
        onSubmit={(code, fail) => verify.mutate(code, { onError: fail })}
      />
      <Button type="link" style={{ paddingLeft: 0, marginTop: 12 }} onClick={() => logout.mutate()}>
        {t('auth.logout')}
      </Button>
    </GateFrame>
  );
}

/** Administrators and leaders without two-step sign-in set it up before anything else answers. */
export function ForcedMfaEnrolPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const logout = useLogout();
  return (
    <GateFrame testId="mfa-enrol-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <SafetyOutlined /> {t('mfa.enrolTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('mfa.enrolIntro')}</Typography.Paragraph>
      <MfaEnrolment onDone={() => client.invalidateQueries({ queryKey: ME_KEY })} />
      <Button type="link" style={{ paddingLeft: 0, marginTop: 12 }} onClick={() => logout.mutate()}>
        {t('auth.logout')}
      </Button>
    </GateFrame>
  );
}

/** 两步验证 in the user menu: its state, setting it up (optional roles), new recovery codes. */
export function MfaPage() {
  const { t } = useI18n();
  const me = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const renew = useRenewRecoveryCodes();
  return (
    <Page title={t('mfa.title')} crumbs={[{ title: t('mfa.title') }]} testId="mfa-page">
      <Panel>
        <Space style={{ marginBottom: 16 }}>
          {me.mfaEnabled ? <Tag color="green">{t('mfa.enabled')}</Tag> : <Tag>{t('mfa.disabled')}</Tag>}
          {me.mfaRequired && <Tag color="blue">{t('mfa.required')}</Tag>}
        </Space>
        {!me.mfaEnabled && (
          <>
            <Typography.Paragraph type="secondary">{t('mfa.optionalIntro')}</Typography.Paragraph>
            <MfaEnrolment
              onDone={() => {
                message.success(t('mfa.enabled'));
                client.invalidateQueries({ queryKey: ME_KEY });
              }}
            />
          </>
        )}
        {me.mfaEnabled &&
          (renew.data ? (
            <RecoveryCodes codes={renew.data.recoveryCodes} onDone={() => renew.reset()} />
          ) : (
            <Popconfirm title={t('mfa.renewConfirm')} onConfirm={() => renew.mutate()}>
              <Button loading={renew.isPending} data-testid="mfa-renew">
                {t('mfa.renew')}
              </Button>
            </Popconfirm>
          ))}
      </Panel>
    </Page>
  );
}
