import { type Enterprise, EnterpriseInput } from '@gaodi/contracts';
import { Alert, App, Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useEditVersion, VersionConflictAlert } from '../../ui/edit-version.tsx';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { scaleOptions } from './labels.ts';
import { useEnterprise, useSaveEnterprise } from './use-enterprises.ts';
import { useIndustries } from './use-industries.ts';

type Values = {
  name?: string;
  creditCode?: string;
  industryId?: string | null;
  scale?: Enterprise['scale'];
  address?: string;
  contactName?: string;
  contactPhone?: string;
};

/** The form's values of a record (the edited one), or a new one's defaults. */
function valuesOf(e: Enterprise | undefined): Values {
  if (!e) return { scale: 'small', industryId: null };
  const { name, creditCode, industryId, scale, address, contactName, contactPhone } = e;
  return { name, creditCode, industryId, scale, address, contactName, contactPhone };
}

/** Create (/enterprises/new) and edit (/enterprises/:id/edit) share this page. */
export function EnterpriseFormPage() {
  const { id } = useParams();
  const existing = useEnterprise(id);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.isError) return <QueryError error={existing.error} onRetry={() => existing.refetch()} />;
  return <EnterpriseForm key={id ?? 'new'} enterprise={existing.data} />;
}

function EnterpriseForm({ enterprise }: { enterprise?: Enterprise }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const industries = useIndustries();
  const edit = useEditVersion(useEnterprise(enterprise?.id), form);
  const save = useSaveEnterprise(enterprise?.id, edit.ifMatch);
  const [formError, setFormError] = useState<string | null>(null);
  const title = enterprise ? t('enterprise.edit') : t('enterprise.new');
  const backTo = enterprise ? `/enterprises/${enterprise.id}` : '/enterprises';

  const onFinish = (values: Values) => {
    setFormError(null);
    const input = checkWithSchema(form, EnterpriseInput, {
      name: values.name ?? '',
      creditCode: values.creditCode ?? '',
      industryId: values.industryId ?? null,
      scale: values.scale,
      address: values.address ?? '',
      contactName: values.contactName ?? '',
      contactPhone: values.contactPhone ?? '',
    });
    if (!input) {
      setFormError(t('common.formHasErrors'));
      return;
    }
    save.mutate(input, {
      onSuccess: (saved) => {
        message.success(enterprise ? t('common.saved') : t('enterprise.created'));
        navigate(`/enterprises/${saved.id}`);
      },
      onError: (error) =>
        edit.caught(error) || setFormError(showSubmitError(form, error) ?? t('common.formHasErrors')),
    });
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field }),
  });

  return (
    <Page
      title={enterprise ? `${title}：${enterprise.name}` : title}
      back={backTo}
      crumbs={[
        { title: t('nav.directory') },
        { title: t('enterprise.title'), to: '/enterprises' },
        { title },
      ]}
      testId="enterprise-form-page"
    >
      <Panel>
        <VersionConflictAlert edit={edit} schema={EnterpriseInput} />
        {formError && (
          <Alert
            type="error"
            showIcon
            title={formError}
            style={{ marginBottom: 16 }}
            data-testid="form-error"
            closable={{ onClose: () => setFormError(null) }}
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={() => formError && setFormError(null)}
          initialValues={valuesOf(edit.record)}
          style={{ maxWidth: 880 }}
          data-testid="enterprise-form"
        >
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('enterprise.name')} rules={[required(t('enterprise.name'))]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="creditCode"
                label={t('enterprise.creditCode')}
                rules={[required(t('enterprise.creditCode'))]}
                extra={t('enterprise.creditCodeHelp')}
                normalize={(v: string) => v?.toUpperCase()}
              >
                <Input maxLength={18} className="desc-value-mono" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="industryId" label={t('enterprise.industry')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={industries.isPending}
                  placeholder={t('common.none')}
                  options={(industries.data ?? []).map((i) => ({
                    value: i.id,
                    label: lang === 'zh' ? i.name : i.nameEn,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="scale"
                label={t('enterprise.scale')}
                rules={[
                  { required: true, message: t('common.requiredSelect', { field: t('enterprise.scale') }) },
                ]}
              >
                <Select options={scaleOptions(lang)} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="address" label={t('enterprise.address')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={t('enterprise.contactName')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactPhone" label={t('enterprise.contactPhone')}>
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="enterprise-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(backTo)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Panel>
    </Page>
  );
}
