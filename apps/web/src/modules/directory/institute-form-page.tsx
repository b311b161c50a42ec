import { type Institute, InstituteInput } from '@gaodi/contracts';
import { Alert, App, Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useEditVersion, VersionConflictAlert } from '../../ui/edit-version.tsx';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { kindOptions, levelOptions } from './labels.ts';
import { useInstitute, useSaveInstitute } from './use-institutes.ts';

type Values = { name?: string; kind?: Institute['kind']; level?: Institute['level']; city?: string };

/** The form's values of a record (the edited one), or a new one's defaults. */
const valuesOf = (i: Institute | undefined): Values =>
  i ? { name: i.name, kind: i.kind, level: i.level, city: i.city } : { kind: 'university', level: 'other' };

/** Create (/institutes/new) and edit (/institutes/:id/edit) share this page. */
export function InstituteFormPage() {
  const { id } = useParams();
  const existing = useInstitute(id);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.isError) return <QueryError error={existing.error} onRetry={() => existing.refetch()} />;
  return <InstituteForm key={id ?? 'new'} institute={existing.data} />;
}

function InstituteForm({ institute }: { institute?: Institute }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const edit = useEditVersion(useInstitute(institute?.id), form);
  const save = useSaveInstitute(institute?.id, edit.ifMatch);
  const [formError, setFormError] = useState<string | null>(null);
  const title = institute ? t('institute.edit') : t('institute.new');
  const backTo = institute ? `/institutes/${institute.id}` : '/institutes';

  const onFinish = (values: Values) => {
    setFormError(null);
    const input = checkWithSchema(form, InstituteInput, {
      name: values.name ?? '',
      kind: values.kind,
      level: values.level,
      city: values.city ?? '',
    });
    if (!input) return setFormError(t('common.formHasErrors'));
    save.mutate(input, {
      onSuccess: (saved) => {
        message.success(t('common.saved'));
        navigate(`/institutes/${saved.id}`);
      },
      onError: (error) =>
        edit.caught(error) || setFormError(showSubmitError(form, error) ?? t('common.formHasErrors')),
    });
  };

  return (
    <Page
      title={institute ? `${title}：${institute.name}` : title}
      back={backTo}
      crumbs={[{ title: t('nav.directory') }, { title: t('institute.title'), to: '/institutes' }, { title }]}
      testId="institute-form-page"
    >
      <Panel>
        <VersionConflictAlert edit={edit} schema={InstituteInput} />
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
          initialValues={valuesOf(edit.record)}
          style={{ maxWidth: 880 }}
          data-testid="institute-form"
        >
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('institute.name')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('institute.name') }),
                  },
                ]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="city" label={t('institute.city')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('institute.kind')} rules={[{ required: true }]}>
                <Select options={kindOptions(lang)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="level" label={t('institute.level')} rules={[{ required: true }]}>
                <Select options={levelOptions(lang)} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="institute-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(backTo)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Panel>
    </Page>
  );
}
