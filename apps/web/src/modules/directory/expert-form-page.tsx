import { type Expert, ExpertInput } from '@gaodi/contracts';
import { Alert, App, Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useExpert, useSaveExpert } from './use-experts.ts';
import { useInstituteOptions } from './use-institutes.ts';

type Values = { instituteId?: string; name?: string; title?: string; field?: string; phone?: string };

/** Create (/experts/new, optionally ?instituteId=) and edit (/experts/:id/edit). */
export function ExpertFormPage() {
  const { id } = useParams();
  const existing = useExpert(id);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.isError) return <QueryError error={existing.error} onRetry={() => existing.refetch()} />;
  return <ExpertForm key={id ?? 'new'} expert={existing.data} />;
}

function ExpertForm({ expert }: { expert?: Expert }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const institutes = useInstituteOptions();
  const save = useSaveExpert(expert?.id);
  const [formError, setFormError] = useState<string | null>(null);
  const title = expert ? t('expert.edit') : t('expert.new');

  const onFinish = (values: Values) => {
    setFormError(null);
    const input = checkWithSchema(form, ExpertInput, {
      instituteId: values.instituteId ?? '',
      name: values.name ?? '',
      title: values.title ?? '',
      field: values.field ?? '',
      phone: values.phone ?? '',
    });
    if (!input) return setFormError(t('common.formHasErrors'));
    save.mutate(input, {
      onSuccess: () => {
        message.success(t('common.saved'));
        navigate('/experts');
      },
      onError: (error) => setFormError(showSubmitError(form, error) ?? t('common.formHasErrors')),
    });
  };

  return (
    <Page
      title={expert ? `${title}：${expert.name}` : title}
      back="/experts"
      crumbs={[{ title: t('nav.directory') }, { title: t('expert.title'), to: '/experts' }, { title }]}
      testId="expert-form-page"
    >
      <Panel>
        {formError && (
          <Alert
            type="error"
            showIcon
            title={formError}
            style={{ marginBottom: 16 }}
            data-testid="form-error"
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={
            expert
              ? {
                  instituteId: expert.instituteId,
                  name: expert.name,
                  title: expert.title,
                  field: expert.field,
                  phone: expert.phone,
                }
              : { instituteId: params.get('instituteId') ?? undefined }
          }
          style={{ maxWidth: 880 }}
          data-testid="expert-form"
        >
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('expert.name')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('expert.name') }),
                  },
                ]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="instituteId"
                label={t('expert.institute')}
                rules={[
                  { required: true, message: t('common.requiredSelect', { field: t('expert.institute') }) },
                ]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={institutes.isPending}
                  options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('expert.titleField')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={t('expert.phone')}>
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="field" label={t('expert.field')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="expert-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate('/experts')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Panel>
    </Page>
  );
}
