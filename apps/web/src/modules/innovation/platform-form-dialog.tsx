import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PartnerInput, PlatformDetail, PlatformRegisterInput } from '@gaodi/contracts';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useIndustries } from '../directory/use-industries.ts';
import { KIND, LEVEL, options, PARTNER_KIND, PARTNER_ROLE, TIER } from './innovation-labels.ts';
import { OrgSelect } from './org-select.tsx';
import { useRegisterPlatform, useUpdatePlatform } from './use-innovation.ts';

type Values = Omit<PlatformRegisterInput, 'partners'> & { partners?: PartnerInput[] };

/** Registers a platform (or edits one) with its partners: enterprises, institutes, government bodies and their roles. */
export function PlatformFormDialog({
  platform,
  onClose,
}: {
  platform?: PlatformDetail;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const industries = useIndustries();
  const [form] = Form.useForm<Values>();
  const register = useRegisterPlatform();
  const update = useUpdatePlatform(platform?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setProblem(null);
    try {
      const body = { ...v, partners: v.partners ?? [] };
      const saved = platform ? await update.mutateAsync(body) : await register.mutateAsync(body);
      message.success(t('common.saved'));
      onClose();
      if (!platform) navigate(`/platforms/${saved.id}`);
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <Modal
      open
      width={820}
      title={platform ? t('inno.edit') : t('inno.register')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={register.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'platform-save' } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="platform-form"
        initialValues={
          platform
            ? { ...platform, industryId: platform.industryId ?? undefined }
            : { kind: 'joint_lab', level: 'county', tier: 'other', partners: [] }
        }
      >
        <Form.Item
          name="name"
          label={t('inno.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('inno.name') }) },
          ]}
        >
          <Input maxLength={100} data-testid="platform-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('inno.kind')}>
              <Select options={options(KIND, lang)} data-testid="platform-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="level" label={t('inno.level')}>
              <Select options={options(LEVEL, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="tier" label={t('inno.tier')}>
              <Select options={options(TIER, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industryId" label={t('inno.industry')}>
              <Select
                allowClear
                data-testid="platform-industry"
                options={(industries.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="city" label={t('inno.city')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('inno.partners')}>
          <Form.List name="partners">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field) => (
                  <Space key={field.key} wrap align="start" data-testid={`partner-${field.name}`}>
                    <Form.Item name={[field.name, 'kind']} noStyle>
                      <Select
                        options={options(PARTNER_KIND, lang)}
                        style={{ width: 110 }}
                        data-testid="partner-kind"
                      />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['partners', field.name, 'kind']]}>
                      {() => {
                        const kind = form.getFieldValue(['partners', field.name, 'kind']);
                        if (kind === 'enterprise')
                          return (
                            <Form.Item name={[field.name, 'enterpriseId']} style={{ margin: 0 }}>
                              <OrgSelect kind="enterprise" testId="partner-org" />
                            </Form.Item>
                          );
                        if (kind === 'institute')
                          return (
                            <Form.Item name={[field.name, 'instituteId']} style={{ margin: 0 }}>
                              <OrgSelect kind="institute" testId="partner-org" />
                            </Form.Item>
                          );
                        return (
                          <Form.Item name={[field.name, 'name']} style={{ margin: 0 }}>
                            <Input maxLength={100} style={{ width: 220 }} data-testid="partner-name" />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                    <Form.Item name={[field.name, 'role']} noStyle>
                      <Select
                        options={options(PARTNER_ROLE, lang)}
                        style={{ width: 130 }}
                        data-testid="partner-role"
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ kind: 'institute', role: fields.length === 0 ? 'lead_builder' : 'co_builder' })
                  }
                  data-testid="partner-add"
                >
                  {t('inno.addPartner')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="description" label={t('inno.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
