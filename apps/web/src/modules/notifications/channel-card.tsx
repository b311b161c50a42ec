import {
  ChannelSettingsInput,
  type ChannelSettingsView,
  type ChannelTestResult,
  type DeliveryChannelName,
} from '@gaodi/contracts';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../messages.ts';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { CHANNEL_FORMS, type ChannelField, splitRobotUrl } from './channel-fields.ts';
import { useChannelActions } from './use-notification-settings.ts';

type Values = {
  enabled: boolean;
  settings: Record<string, unknown>;
  secret?: Record<string, string>;
  to?: string;
};

const labelOf = (f: ChannelField) => `channels.field.${f.label ?? f.name}` as MessageKey;

/** The field's input; Form.Item hands it id, value and onChange (so it is returned, not wrapped). */
function settingInput(field: ChannelField) {
  if (field.kind === 'number') return <InputNumber min={1} max={65535} />;
  if (field.kind === 'switch') return <Switch />;
  return <Input autoComplete="off" />;
}

/** The secret: "已设置" and a way to replace it, never its value; inputs when none is set yet. */
function SecretFields(props: {
  channel: DeliveryChannelName;
  hasSecret: boolean;
  replacing: boolean;
  setReplacing: (on: boolean) => void;
}) {
  const { t } = useI18n();
  const { channel, hasSecret, replacing, setReplacing } = props;
  const status = (
    <Flex gap={8} align="center">
      <Tag color={hasSecret ? 'green' : 'default'} data-testid={`${channel}-secret-status`}>
        {hasSecret ? t('channels.secretSet') : t('channels.secretNotSet')}
      </Tag>
      {hasSecret && (
        <Button
          size="small"
          onClick={() => setReplacing(!replacing)}
          data-testid={`${channel}-replace-secret`}
        >
          {replacing ? t('channels.keepSecret') : t('channels.replaceSecret')}
        </Button>
      )}
    </Flex>
  );
  return (
    <>
      <Form.Item label={t('channels.secret')}>{status}</Form.Item>
      {(!hasSecret || replacing) &&
        CHANNEL_FORMS[channel].secret.map((f) => (
          <Form.Item key={f.name} name={['secret', f.name]} label={t(labelOf(f))}>
            <Input.Password autoComplete="new-password" visibilityToggle={false} />
          </Form.Item>
        ))}
    </>
  );
}

/** The test's outcome as the provider answered it. */
function TestResult({ result }: { result: ChannelTestResult }) {
  const { t } = useI18n();
  const status = result.status ?? t('channels.noStatus');
  return (
    <Alert
      data-testid="channel-test-result"
      type={result.ok ? 'success' : 'error'}
      showIcon
      title={
        result.ok ? t('channels.testOk', { status, ms: result.ms }) : t('channels.testFailed', { status })
      }
      description={result.ok ? undefined : result.detail}
    />
  );
}

/** What the form holds, in the contract's shape: a robot's full address split, the secret only if typed. */
function toInput(
  channel: DeliveryChannelName,
  v: Values,
  base: Record<string, unknown>,
  withSecret: boolean,
) {
  const split = splitRobotUrl(channel, String(v.settings.endpoint ?? ''));
  const settings = {
    ...base,
    ...v.settings,
    ...('endpoint' in v.settings ? { endpoint: split.endpoint } : {}),
  };
  const typed = { ...(withSecret ? v.secret : {}), ...split.secret };
  const secret = Object.values(typed).some((x) => x) ? typed : undefined;
  return { channel, enabled: v.enabled, settings, ...(secret ? { secret } : {}) };
}

/** The card's state and its two actions: save (checked against the contract first) and test. */
function useChannelCard(channel: DeliveryChannelName, view?: ChannelSettingsView) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { save, test } = useChannelActions();
  const [form] = Form.useForm<Values>();
  const [replacing, setReplacing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ChannelTestResult | null>(null);
  const base = { ...CHANNEL_FORMS[channel].defaults, ...view?.settings };
  const hasSecret = view?.hasSecret ?? false;
  const onSave = async () => {
    setProblem(null);
    const values = form.getFieldsValue(true) as Values;
    const input = toInput(channel, values, base, !hasSecret || replacing);
    if (!checkWithSchema(form, ChannelSettingsInput, input)) return;
    try {
      // The list refetches and the page remounts this form with what the server now holds.
      await save.mutateAsync(input as ChannelSettingsInput);
      message.success(t('channels.saved'));
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  const onTest = async () => {
    setProblem(null);
    setResult(null);
    const to = String(form.getFieldValue('to') ?? '').trim();
    try {
      setResult(await test.mutateAsync({ channel, ...(to ? { to } : {}) }));
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return { form, base, hasSecret, replacing, setReplacing, problem, result, onSave, onTest, save, test };
}

/** One channel's settings: enable, addresses, the write-only secret, save, send a test message. */
export function ChannelCard({ channel, view }: { channel: DeliveryChannelName; view?: ChannelSettingsView }) {
  const { t } = useI18n();
  const spec = CHANNEL_FORMS[channel];
  const { form, base, hasSecret, replacing, setReplacing, problem, result, onSave, onTest, save, test } =
    useChannelCard(channel, view);
  return (
    <Panel>
      <Typography.Title level={5}>{t(`channels.${channel}` as MessageKey)}</Typography.Title>
      <Form
        form={form}
        name={channel}
        data-testid={`channel-${channel}`}
        labelCol={{ flex: '140px' }}
        wrapperCol={{ flex: '1' }}
        style={{ maxWidth: 720 }}
        initialValues={{ enabled: view?.enabled ?? false, settings: base, secret: {} }}
      >
        <Form.Item name="enabled" label={t('channels.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {spec.settings.map((f) => (
          <Form.Item
            key={f.name}
            name={['settings', f.name]}
            label={t(labelOf(f))}
            valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
            extra={
              f.name === 'endpoint' && channel === 'wecom' ? t('channels.field.endpointHint') : undefined
            }
          >
            {settingInput(f)}
          </Form.Item>
        ))}
        <SecretFields
          channel={channel}
          hasSecret={hasSecret}
          replacing={replacing}
          setReplacing={setReplacing}
        />
        {spec.testTo && (
          <Form.Item name="to" label={t('channels.testTo')}>
            <Input
              placeholder={spec.testTo === 'email' ? t('channels.testToEmail') : t('channels.testToPhone')}
            />
          </Form.Item>
        )}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        {result && <TestResult result={result} />}
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Button type="primary" onClick={onSave} loading={save.isPending} data-testid={`${channel}-save`}>
            {t('channels.save')}
          </Button>
          <Button onClick={onTest} loading={test.isPending} disabled={!view} data-testid={`${channel}-test`}>
            {t('channels.test')}
          </Button>
        </Flex>
      </Form>
    </Panel>
  );
}
