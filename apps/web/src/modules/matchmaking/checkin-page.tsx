import { type CheckinInfo, CheckinInput } from '@gaodi/contracts';
import { Alert, AutoComplete, Button, Card, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { contractRule } from '../../ui/form-errors.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { checkinDeviceId } from './checkin-device.ts';
import { useCheckin, useCheckinInfo } from './use-matchmaking.ts';

/**
 * The phone page the event's QR code opens: no sign-in needed (the token in the link is the
 * credential); the attendee picks or types their organisation and their name. The server takes
 * sign-ins only inside the event's window and once per device (gaodi_event_checkin).
 */
export function CheckinPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const info = useCheckinInfo(token);
  const [done, setDone] = useState<string | null>(null);
  if (info.isPending)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  if (info.isError) return <Result status="404" title={t('mm.checkinInvalid')} />;
  if (done) return <Result status="success" title={t('mm.checkinDone')} subTitle={done} />;
  return (
    <Flex justify="center" style={{ padding: 16, minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 420 }} data-testid="checkin-page">
        <EventHeading event={info.data} />
        <CheckinForm token={token} organisations={info.data.organisations} onDone={setDone} />
      </Card>
    </Flex>
  );
}

function EventHeading({ event: e }: { event: CheckinInfo }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Typography.Title level={4}>{e.title}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {formatDate(e.heldOn, lang)} · {e.isOnline ? t('mm.online') : e.place} · {e.organiser}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="checkin-window">
        {t('mm.checkinWindow', {
          opens: formatDateTime(e.opensAt, lang).slice(0, -3),
          closes: formatDateTime(e.closesAt, lang).slice(0, -3),
        })}
      </Typography.Paragraph>
    </>
  );
}

type Values = { orgName: string; attendeeName: string };

function CheckinForm(props: { token: string; organisations: string[]; onDone: (org: string) => void }) {
  const { t } = useI18n();
  const checkin = useCheckin(props.token);
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async (v: Values) => {
    try {
      const r = await checkin.mutateAsync({ ...v, deviceId: checkinDeviceId() });
      props.onDone(r.orgName);
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      {refusal && <Alert type="error" title={refusal} showIcon style={{ marginBottom: 12 }} />}
      <Form.Item name="orgName" label={t('mm.organisation')} rules={[contractRule(CheckinInput, 'orgName')]}>
        <AutoComplete
          options={props.organisations.map((o) => ({ value: o }))}
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        >
          <Input size="large" />
        </AutoComplete>
      </Form.Item>
      <Form.Item
        name="attendeeName"
        label={t('mm.attendee')}
        rules={[contractRule(CheckinInput, 'attendeeName')]}
      >
        <Input size="large" maxLength={40} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={checkin.isPending}>
        {t('mm.checkin')}
      </Button>
    </Form>
  );
}
