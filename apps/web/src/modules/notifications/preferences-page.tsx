import { type DeliveryChannelName, NotificationEventGroup, NotificationPreferences } from '@gaodi/contracts';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../messages.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { CHANNEL_ORDER } from './channel-fields.ts';
import { usePreferences, useSavePreferences } from './use-notification-settings.ts';

type Events = NotificationPreferences['events'];
type Group = NotificationEventGroup;
const GROUPS = NotificationEventGroup.options;

/** A channel the user never chose for: every group, except SMS (red escalations only). */
const chosen = (events: Events, c: DeliveryChannelName): Group[] =>
  events[c] ?? (c === 'sms' ? [] : [...GROUPS]);

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const HALF_HOURS = Array.from({ length: 48 }, (_, i) => ({ value: i * 30, label: hhmm(i * 30) }));

function EventsTable({ events, onChange }: { events: Events; onChange: (e: Events) => void }) {
  const { t } = useI18n();
  const toggle = (c: DeliveryChannelName, g: Group, on: boolean) => {
    const now = chosen(events, c).filter((x) => x !== g);
    onChange({ ...events, [c]: on ? [...now, g] : now });
  };
  const columns = [
    {
      title: t('prefs.event'),
      dataIndex: 'group',
      render: (g: Group) => t(`prefs.group.${g}` as MessageKey),
    },
    ...CHANNEL_ORDER.map((c) => ({
      title: t(`prefs.channel.${c}` as MessageKey),
      key: c,
      align: 'center' as const,
      render: (_: unknown, row: { group: Group }) => (
        <Checkbox
          data-testid={`pref-${c}-${row.group}`}
          checked={chosen(events, c).includes(row.group)}
          onChange={(e) => toggle(c, row.group, e.target.checked)}
        />
      ),
    })),
  ];
  return (
    <Table
      rowKey="group"
      size="small"
      pagination={false}
      dataSource={GROUPS.map((group) => ({ group }))}
      columns={columns}
      style={{ maxWidth: 720 }}
    />
  );
}

type Values = { email: string; phone: string; lang: 'zh' | 'en'; quietFrom: number; quietTo: number };

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useSavePreferences();
  const [form] = Form.useForm<Values>();
  const [events, setEvents] = useState<Events>(saved.events);
  const [problem, setProblem] = useState<string | null>(null);
  const onSave = async () => {
    setProblem(null);
    const v = form.getFieldsValue(true) as Values;
    const body = {
      email: v.email?.trim() || null,
      phone: v.phone?.trim() || null,
      lang: v.lang,
      quietFrom: v.quietFrom,
      quietTo: v.quietTo,
      events,
    };
    const checked = checkWithSchema(form, NotificationPreferences, body);
    if (!checked) return;
    try {
      await save.mutateAsync(checked);
      message.success(t('prefs.saved'));
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <Form
      form={form}
      name="preferences"
      data-testid="preferences-form"
      labelCol={{ flex: '140px' }}
      initialValues={{ ...saved, email: saved.email ?? '', phone: saved.phone ?? '' }}
    >
      <Typography.Title level={5}>{t('prefs.contact')}</Typography.Title>
      <Form.Item name="email" label={t('prefs.email')} style={{ maxWidth: 520 }}>
        <Input autoComplete="email" />
      </Form.Item>
      <Form.Item name="phone" label={t('prefs.phone')} extra={t('prefs.phoneHint')} style={{ maxWidth: 520 }}>
        <Input autoComplete="tel" />
      </Form.Item>
      <Form.Item name="lang" label={t('prefs.lang')} style={{ maxWidth: 520 }}>
        <Select
          options={[
            { value: 'zh', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Form.Item>
      <Typography.Title level={5}>{t('prefs.events')}</Typography.Title>
      <EventsTable events={events} onChange={setEvents} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('prefs.smsDefault')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('prefs.quiet')}</Typography.Title>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Form.Item name="quietFrom" noStyle>
          <Select options={HALF_HOURS} style={{ width: 100 }} data-testid="quiet-from" />
        </Form.Item>
        <span>—</span>
        <Form.Item name="quietTo" noStyle>
          <Select options={HALF_HOURS} style={{ width: 100 }} data-testid="quiet-to" />
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary">{t('prefs.quietHint')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="preferences-save">
        {t('prefs.save')}
      </Button>
    </Form>
  );
}

/** /settings/notifications: every user's own channels per event, contact, language, quiet hours. */
export function PreferencesPage() {
  const { t } = useI18n();
  const prefs = usePreferences();
  return (
    <Page title={t('nav.notificationSettings')} testId="preferences-page">
      <Typography.Paragraph type="secondary">{t('prefs.hint')}</Typography.Paragraph>
      <Panel>
        {prefs.isPending ? (
          <PageLoading />
        ) : prefs.isError ? (
          <QueryError error={prefs.error} onRetry={() => prefs.refetch()} />
        ) : (
          <PreferencesForm saved={prefs.data} />
        )}
      </Panel>
    </Page>
  );
}
