import { AutoComplete, Button, Card, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useCheckin, useCheckinInfo } from './use-matchmaking.ts';

/**
 * The phone page the event's QR code opens: no sign-in needed (the token in the link is the
 * credential); the attendee picks or types their organisation and their name.
 */
export function CheckinPage() {
  const { token = '' } = useParams();
  const { t, lang } = useI18n();
  const info = useCheckinInfo(token);
  const checkin = useCheckin(token);
  const [form] = Form.useForm<{ orgName: string; attendeeName: string }>();
  const [done, setDone] = useState<string | null>(null);
  if (info.isPending)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  if (info.isError) return <Result status="404" title={t('mm.checkinInvalid')} />;
  if (done) return <Result status="success" title={t('mm.checkinDone')} subTitle={done} />;
  const e = info.data;
  return (
    <Flex justify="center" style={{ padding: 16, minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 420 }} data-testid="checkin-page">
        <Typography.Title level={4}>{e.title}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {formatDate(e.heldOn, lang)} · {e.isOnline ? t('mm.online') : e.place} · {e.organiser}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              const r = await checkin.mutateAsync(v);
              setDone(r.orgName);
            } catch (error) {
              form.setFields([
                { name: 'orgName', errors: [error instanceof Error ? error.message : String(error)] },
              ]);
            }
          }}
        >
          <Form.Item
            name="orgName"
            label={t('mm.organisation')}
            rules={[{ required: true, message: t('mm.organisation') }]}
          >
            <AutoComplete
              options={e.organisations.map((o) => ({ value: o }))}
              filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            >
              <Input size="large" />
            </AutoComplete>
          </Form.Item>
          <Form.Item
            name="attendeeName"
            label={t('mm.attendee')}
            rules={[{ required: true, message: t('mm.attendee') }]}
          >
            <Input size="large" maxLength={40} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={checkin.isPending}>
            {t('mm.checkin')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
