import type { TalentGroup, TalentGroupInput, TalentProgramme, TalentProgrammeInput } from '@gaodi/contracts';
import { Alert, App, Button, Checkbox, Col, Form, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { GROUP_KIND, LEVEL, label, options } from '../innovation/innovation-labels.ts';
import { useAddToCatalogue, useTalentCatalogue } from './use-talents.ts';

type T = ReturnType<typeof useI18n>['t'];
const required = (t: T, key: Parameters<T>[0]) => [
  { required: true, whitespace: true, message: t('common.required', { field: t(key) }) },
];

/** One inline "add" form under a table: submits, shows the field's problem, clears on success. */
function AddRow<V extends object>({
  initial,
  save,
  testId,
  children,
}: {
  initial: Partial<V>;
  save: (v: V) => Promise<unknown>;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: V) => {
    setProblem(null);
    try {
      await save(v);
      message.success(t('common.saved'));
      form.resetFields();
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <>
      {problem && <Alert type="error" title={problem} showIcon style={{ margin: '12px 0' }} />}
      <Form<V> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid={testId}>
        <Row gutter={12} align="bottom" style={{ marginTop: 12 }}>
          {children}
          <Col>
            <Form.Item>
              <Button type="primary" htmlType="submit" data-testid={`${testId}-submit`}>
                {t('tal.catalogueAdd')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </>
  );
}

type Can = { canAdd: boolean };

/** The programmes: name (opens the talents selected into it), level, leading or not. */
function ProgrammesPanel({ programmes, canAdd }: { programmes: TalentProgramme[] } & Can) {
  const { t, lang } = useI18n();
  const add = useAddToCatalogue();
  return (
    <Panel>
      <Typography.Title level={5}>{t('tal.programmes')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('tal.programmesHint')}</Typography.Paragraph>
      <Table<TalentProgramme>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={programmes}
        data-testid="catalogue-programmes"
        columns={[
          {
            title: t('tal.programme'),
            key: 'name',
            render: (_, p) => <Link to={`/talents?programmeId=${p.id}`}>{p.name}</Link>,
          },
          { title: t('inno.level'), key: 'level', render: (_, p) => label(LEVEL, p.level, lang) },
          {
            title: t('tal.leading'),
            key: 'leading',
            render: (_, p) => (p.isLeading ? <Tag color="gold">{t('tal.leading')}</Tag> : '—'),
          },
        ]}
      />
      {canAdd && (
        <AddRow<TalentProgrammeInput>
          initial={{ level: 'provincial', isLeading: false }}
          save={(v) => add.programme.mutateAsync(v)}
          testId="programme-add"
        >
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t('tal.programme')} rules={required(t, 'tal.programme')}>
              <Input maxLength={60} data-testid="programme-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="level" label={t('inno.level')}>
              <Select options={options(LEVEL, lang)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="isLeading" valuePropName="checked" label={t('tal.leading')}>
              <Checkbox data-testid="programme-leading">{t('tal.countsAsLeading')}</Checkbox>
            </Form.Item>
          </Col>
        </AddRow>
      )}
    </Panel>
  );
}

/** The groups (人才联盟, 博士团…): name (opens their members), kind, members. */
function GroupsPanel({ groups, canAdd }: { groups: TalentGroup[] } & Can) {
  const { t, lang } = useI18n();
  const add = useAddToCatalogue();
  return (
    <Panel>
      <Typography.Title level={5}>{t('tal.groups')}</Typography.Title>
      <Table<TalentGroup>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={groups}
        data-testid="catalogue-groups"
        columns={[
          {
            title: t('tal.group'),
            key: 'name',
            render: (_, g) => <Link to={`/talents?groupId=${g.id}`}>{g.name}</Link>,
          },
          { title: t('tal.groupKind'), key: 'kind', render: (_, g) => label(GROUP_KIND, g.kind, lang) },
          { title: t('tal.members'), dataIndex: 'members', key: 'members' },
        ]}
      />
      {canAdd && (
        <AddRow<TalentGroupInput>
          initial={{ kind: 'alliance' }}
          save={(v) => add.group.mutateAsync(v)}
          testId="group-add"
        >
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t('tal.group')} rules={required(t, 'tal.group')}>
              <Input maxLength={60} data-testid="group-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="kind" label={t('tal.groupKind')}>
              <Select options={options(GROUP_KIND, lang)} />
            </Form.Item>
          </Col>
        </AddRow>
      )}
    </Panel>
  );
}

/**
 * 人才计划目录: the region's programmes (泰山产业领军人才, 泰山学者, provincial, municipal and county
 * programmes; those marked leading count as 领军人才 in the figures) and its talent groups
 * (人才联盟, 博士团…) with their members. Staff add to it; everyone who reads talents sees it.
 */
export function TalentCataloguePage() {
  const { t } = useI18n();
  const can = useCan();
  const catalogue = useTalentCatalogue();
  if (catalogue.isPending) return <PageLoading />;
  if (catalogue.isError) return <QueryError error={catalogue.error} onRetry={() => catalogue.refetch()} />;
  const canAdd = can('talent', 'update');
  return (
    <Page
      title={t('tal.catalogue')}
      testId="talent-catalogue-page"
      crumbs={[{ title: t('tal.talents'), to: '/talents' }, { title: t('tal.catalogue') }]}
    >
      <ProgrammesPanel programmes={catalogue.data.programmes} canAdd={canAdd} />
      <GroupsPanel groups={catalogue.data.groups} canAdd={canAdd} />
    </Page>
  );
}
