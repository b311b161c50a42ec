import { CarrierInput } from '@gaodi/contracts';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useIndustries } from '../directory/use-industries.ts';
import { useInstituteOptions } from '../directory/use-institutes.ts';
import { useTalents } from '../talent/use-talents.ts';
import { certOptions, kindOptions } from './incubation-labels.ts';
import { useCreateCarrier } from './use-incubation.ts';

/** 登记载体: kind, certification, operator, space, industries, where it sits, partners, mentors, services. */
export function CarrierFormDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const create = useCreateCarrier();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    const input = { ...values, locationRegionCode: values.locationRegionCode || null };
    if (!checkWithSchema(form, CarrierInput, input)) return;
    try {
      const carrier = await create.mutateAsync(input as never);
      onClose();
      navigate(`/carriers/${carrier.id}`);
    } catch (e) {
      setError(showSubmitError(form, e));
    }
  };
  return (
    <Modal
      open
      title={t('inc.registerCarrier')}
      width={720}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ id: 'carrier-save' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'maker_space',
          certLevel: 'none',
          seats: 0,
          rooms: 0,
          areaM2: 0,
          services: [],
        }}
      >
        <CarrierFields />
      </Form>
    </Modal>
  );
}

const select = (name: string, label: string, options: { value: string; label: string }[], multi = false) => (
  <Form.Item name={name} label={label}>
    <Select
      options={options}
      mode={multi ? 'multiple' : undefined}
      optionFilterProp="label"
      data-testid={`carrier-${name}`}
    />
  </Form.Item>
);

/** What the carrier is: name, kind, certification, operator, address, space. */
function CarrierFields() {
  const { t, lang } = useI18n();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('inc.carrierName')} required>
            <Input maxLength={100} data-testid="carrier-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          {select('kind', t('inc.kind'), kindOptions(lang))}
        </Col>
        <Col xs={12} sm={6}>
          {select('certLevel', t('inc.certLevel'), certOptions(lang))}
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="certYear" label={t('inc.certYear')}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="operator" label={t('inc.operator')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={t('inc.address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {(['areaM2', 'seats', 'rooms'] as const).map((k) => (
          <Col xs={8} key={k}>
            <Form.Item name={k} label={t(`inc.${k}`)}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid={`carrier-${k}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <CarrierLinks />
    </>
  );
}

/** Where it is and who it works with: location, industries, partner institutes, mentors, services. */
function CarrierLinks() {
  const { t, lang } = useI18n();
  const industries = useIndustries();
  const institutes = useInstituteOptions();
  const talents = useTalents({ page: 1, pageSize: 200 });
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item name="locationRegionCode" label={t('inc.location')} extra={t('inc.locationHint')}>
          <Input maxLength={6} placeholder="110115" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        {select(
          'industryIds',
          t('inc.industries'),
          (industries.data ?? []).map((i) => ({
            value: i.id,
            label: lang === 'en' ? i.nameEn || i.name : i.name,
          })),
          true,
        )}
      </Col>
      <Col xs={24} sm={12}>
        {select(
          'partnerInstituteIds',
          t('inc.partners'),
          (institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name })),
          true,
        )}
      </Col>
      <Col xs={24} sm={12}>
        {select(
          'mentorTalentIds',
          t('inc.mentors'),
          (talents.data?.items ?? []).map((i) => ({ value: i.id, label: i.name })),
          true,
        )}
      </Col>
      <Col xs={24}>
        <Form.Item name="services" label={t('inc.services')}>
          <Select mode="tags" tokenSeparators={['，', ',', '、']} />
        </Form.Item>
      </Col>
    </Row>
  );
}
