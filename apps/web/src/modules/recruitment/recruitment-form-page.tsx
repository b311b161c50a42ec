import { GRADES, type Recruitment, RecruitmentInput } from '@gaodi/contracts';
import { Alert, Button, Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useEditVersion, VersionConflictAlert } from '../../ui/edit-version.tsx';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useMe } from '../auth/use-session.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { useInstituteOptions } from '../directory/use-institutes.ts';
import { gradeLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { useAssignable, useRecord, useSaveRecord } from './use-recruitment.ts';

/** The form's values of a record (the edited one), or a new one's defaults (owned by the user). */
function valuesOf(r: Recruitment | undefined, myId: string | undefined) {
  if (!r) return { grade: 'B', isGreenChannel: false, ownerId: myId, taskForceMemberIds: [] };
  return {
    instituteId: r.instituteId,
    grade: r.grade,
    cooperationMode: r.cooperationMode,
    industryId: r.industryId,
    ownerId: r.owner?.id,
    taskForceLeadId: r.taskForceLead?.id,
    taskForceMemberIds: r.taskForceMembers.map((m) => m.id),
    isGreenChannel: r.isGreenChannel,
    notes: r.notes,
  };
}

/** Create or edit a record: the institute, grade, task force (一院所一专班) and green channel. */
export function RecruitmentFormPage() {
  const { id } = useParams();
  const { lang } = useI18n();
  const t = useText();
  const navigate = useNavigate();
  const me = useMe();
  const record = useRecord(id);
  const institutes = useInstituteOptions();
  const industries = useIndustries();
  const people = useAssignable();
  const [form] = Form.useForm();
  const edit = useEditVersion(record, form);
  const save = useSaveRecord(id, edit.ifMatch);
  const [error, setError] = useState<string | null>(null);
  if (id && record.isError) return <QueryError error={record.error} onRetry={() => record.refetch()} />;
  if (id && !edit.record) return <PageLoading />;
  const r = edit.record;
  const personOptions = (people.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const title = id ? t('editRecord') : t('newRecord');

  return (
    <Page
      title={title}
      crumbs={[{ title: t('title') }, { title: t('board'), to: '/recruitment' }, { title }]}
      back={id ? `/recruitment/${id}` : '/recruitment'}
      testId="recruitment-form"
    >
      <Panel>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 640 }}
          initialValues={valuesOf(r, me.data?.id)}
          onFinish={async (values) => {
            setError(null);
            const input = checkWithSchema(form, RecruitmentInput, {
              ...values,
              industryId: values.industryId ?? null,
              cooperationMode: values.cooperationMode ?? '',
              notes: values.notes ?? '',
            });
            if (!input) return;
            try {
              const saved = await save.mutateAsync(input);
              navigate(`/recruitment/${saved.id}`);
            } catch (e) {
              if (!edit.caught(e)) setError(showSubmitError(form, e));
            }
          }}
        >
          <VersionConflictAlert edit={edit} schema={RecruitmentInput} />
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form.Item name="instituteId" label={t('institute')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={institutes.isPending}
              options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
              data-testid="form-institute"
            />
          </Form.Item>
          <Form.Item name="grade" label={t('grade')} rules={[{ required: true }]}>
            <Select options={GRADES.map((g) => ({ value: g, label: gradeLabel(g, lang) }))} />
          </Form.Item>
          <Form.Item name="cooperationMode" label={t('mode')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="industryId" label={t('industry')}>
            <Select
              allowClear
              options={(industries.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            />
          </Form.Item>
          <Form.Item name="ownerId" label={t('owner')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={personOptions} data-testid="form-owner" />
          </Form.Item>
          <Form.Item name="taskForceLeadId" label={t('lead')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={personOptions} data-testid="form-lead" />
          </Form.Item>
          <Form.Item name="taskForceMemberIds" label={t('members')}>
            <Select mode="multiple" optionFilterProp="label" options={personOptions} />
          </Form.Item>
          <Form.Item name="isGreenChannel" label={t('greenChannel')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="notes" label={t('notes')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="form-submit">
            {t('save')}
          </Button>
        </Form>
      </Panel>
    </Page>
  );
}
