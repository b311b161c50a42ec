import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ListPlatformOptionsRoute, type Talent, type TalentInput } from '@gaodi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../ui/api.ts';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useIndustries } from '../directory/use-industries.ts';
import { DEGREE, EMPLOYER_KIND, GENDER, MODE, options, TITLE_RANK } from '../innovation/innovation-labels.ts';
import { OrgSelect } from '../innovation/org-select.tsx';
import { useSaveTalent, useTalentCatalogue } from './use-talents.ts';

/** Registers a talent (or edits one): employer, programmes by year, groups, the platforms served. */
export function TalentFormDialog({ talent, onClose }: { talent?: Talent; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<TalentInput>();
  const save = useSaveTalent(talent?.id);
  const industries = useIndustries();
  const catalogue = useTalentCatalogue();
  const platforms = useQuery({
    queryKey: ['platforms', 'options'],
    queryFn: () => call(ListPlatformOptionsRoute, {}),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const year = new Date().getFullYear();
  const platformOptions = (platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const initial: Partial<TalentInput> = talent
    ? {
        ...talent,
        awards: talent.awards.map((a) => ({ programmeId: a.programmeId, year: a.year })),
        groupIds: talent.groups.map((g) => g.id),
        platformIds: talent.platforms.map((p) => p.id),
        projectIds: talent.projects.map((p) => p.id),
        recruitmentIds: talent.recruitment.map((r) => r.id),
      }
    : {
        gender: 'male',
        degree: 'phd',
        titleRank: 'none',
        employerKind: 'enterprise',
        mode: 'cultivation',
        awards: [],
      };
  const submit = async (v: TalentInput) => {
    setProblem(null);
    try {
      const saved = await save.mutateAsync({
        ...initial,
        ...v,
        arrivedOn: v.arrivedOn || null,
        awards: v.awards ?? [],
      });
      message.success(t('common.saved'));
      onClose();
      if (!talent) navigate(`/talents/${saved.id}`);
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  const col = (node: React.ReactNode, md = 8) => (
    <Col xs={24} md={md}>
      {node}
    </Col>
  );
  return (
    <Modal
      open
      width={860}
      title={talent ? t('tal.edit') : t('tal.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'talent-save' } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form<TalentInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initial}
        data-testid="talent-form"
      >
        <Row gutter={12}>
          {col(
            <Form.Item
              name="name"
              label={t('tal.name')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('tal.name') }) },
              ]}
            >
              <Input maxLength={40} data-testid="talent-name" />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="gender" label={t('tal.gender')}>
              <Select options={options(GENDER, lang)} />
            </Form.Item>,
            4,
          )}
          {col(
            <Form.Item name="birthYear" label={t('tal.birthYear')}>
              <InputNumber min={1930} max={2020} style={{ width: '100%' }} />
            </Form.Item>,
            4,
          )}
          {col(
            <Form.Item name="degree" label={t('tal.degree')}>
              <Select options={options(DEGREE, lang)} data-testid="talent-degree" />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="title" label={t('tal.title')}>
              <Input maxLength={40} />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="titleRank" label={t('tal.titleRank')}>
              <Select options={options(TITLE_RANK, lang)} />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="employerKind" label={t('tal.employerKind')}>
              <Select options={options(EMPLOYER_KIND, lang)} data-testid="talent-employer-kind" />
            </Form.Item>,
          )}
          {col(
            <Form.Item noStyle dependencies={['employerKind']}>
              {() => {
                const kind = form.getFieldValue('employerKind');
                if (kind === 'enterprise' || kind === 'institute')
                  return (
                    <Form.Item
                      name={kind === 'enterprise' ? 'enterpriseId' : 'instituteId'}
                      label={t('tal.employer')}
                    >
                      <OrgSelect kind={kind} testId="talent-employer" />
                    </Form.Item>
                  );
                if (kind === 'platform')
                  return (
                    <Form.Item name="employerPlatformId" label={t('tal.employer')}>
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        options={platformOptions}
                        data-testid="talent-employer"
                      />
                    </Form.Item>
                  );
                return (
                  <Form.Item name="employerName" label={t('tal.employer')}>
                    <Input maxLength={100} data-testid="talent-employer" />
                  </Form.Item>
                );
              }}
            </Form.Item>,
            16,
          )}
          {col(
            <Form.Item name="field" label={t('tal.field')}>
              <Input maxLength={60} />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="industryId" label={t('inno.industry')}>
              <Select
                allowClear
                data-testid="talent-industry"
                options={(industries.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="mode" label={t('tal.mode')}>
              <Select options={options(MODE, lang)} data-testid="talent-mode" />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="arrivedOn" label={t('tal.arrivedOn')}>
              <Input type="date" />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="phone" label={t('tal.phone')}>
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>,
          )}
          {col(
            <Form.Item name="idNumber" label={t('tal.idNumber')}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>,
          )}
        </Row>
        <Form.Item label={t('tal.programmes')}>
          <Form.List name="awards">
            {(fields, { add, remove }) => (
              <Space direction="vertical">
                {fields.map((field) => (
                  <Space key={field.key}>
                    <Form.Item name={[field.name, 'programmeId']} noStyle>
                      <Select
                        style={{ width: 220 }}
                        data-testid="award-programme"
                        options={(catalogue.data?.programmes ?? []).map((p) => ({
                          value: p.id,
                          label: p.name,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'year']} noStyle>
                      <InputNumber min={1950} max={2100} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ year })} data-testid="award-add">
                  {t('tal.addAward')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Row gutter={12}>
          {col(
            <Form.Item name="groupIds" label={t('tal.groups')}>
              <Select
                mode="multiple"
                options={(catalogue.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))}
              />
            </Form.Item>,
            12,
          )}
          {col(
            <Form.Item name="platformIds" label={t('tal.platforms')}>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={platformOptions}
                data-testid="talent-platforms"
              />
            </Form.Item>,
            12,
          )}
        </Row>
      </Form>
    </Modal>
  );
}
