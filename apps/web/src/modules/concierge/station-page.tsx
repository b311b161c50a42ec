import { SERVICE_KIND_LABELS, STATION_KINDS } from '@gaodi/contracts';
import { Alert, Button, Card, Flex, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useStation, useSubmitStation } from './use-concierge.ts';

/** 驿站 (招商、人才及安家): a public page, no account; answers only a reference number. */
export function StationPage() {
  const { regionCode = '370828' } = useParams();
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const station = useStation(regionCode);
  const submit = useSubmitStation(regionCode);
  const [form] = Form.useForm();
  const [key] = useState(() => crypto.randomUUID());
  const [reference, setReference] = useState<string | null>(null);
  if (reference)
    return (
      <Result
        status="success"
        title={zh ? '已收到您的诉求' : 'Request received'}
        subTitle={`${zh ? '受理编号' : 'Reference'}：${reference}`}
      />
    );
  const onFinish = async (values: Record<string, unknown>) => {
    try {
      const res = await submit.mutateAsync({
        ...(values as object),
        challengeToken: station.data?.token ?? '',
        idempotencyKey: key,
      } as never);
      setReference(res.reference);
    } catch (error) {
      showSubmitError(form, error);
      form.setFieldValue('challengeAnswer', '');
      await station.refetch();
    }
  };
  return (
    <Flex justify="center" style={{ padding: 16 }}>
      <Card
        style={{ width: 'min(100%, 480px)' }}
        title={`${station.data?.regionName ?? ''}${zh ? '招商、人才及安家驿站' : ' service station'}`}
      >
        <Typography.Paragraph type="secondary">
          {zh
            ? '人才、投资者在此提交安家、子女入学、配偶就业、落户、政策咨询等诉求，工作人员将电话联系您。'
            : 'Talents and investors: housing, schooling, spouse employment, settling in, policy questions.'}
        </Typography.Paragraph>
        {submit.isError && !form.getFieldsError().some((f) => f.errors.length) && (
          <Alert type="error" message={(submit.error as Error).message} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'housing' }}>
          <Form.Item name="kind" label={zh ? '诉求类别' : 'Kind'}>
            <Select
              options={STATION_KINDS.map((k) => ({
                value: k,
                label: SERVICE_KIND_LABELS[k][zh ? 'zh' : 'en'],
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={zh ? '姓名' : 'Name'} rules={[{ required: true }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label={zh ? '手机号' : 'Phone'} rules={[{ required: true }]}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
          <Form.Item name="description" label={zh ? '诉求内容' : 'Description'} rules={[{ required: true }]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="challengeAnswer"
            label={`${zh ? '验证' : 'Check'}：${station.data?.question ?? ''}`}
            rules={[{ required: true }]}
          >
            <Input inputMode="numeric" maxLength={5} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submit.isPending}>
            {zh ? '提交' : 'Submit'}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
