import { PlusOutlined } from '@ant-design/icons';
import { type Industry, IndustryInput } from '@gaodi/contracts';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { useCreateIndustry, useIndustryTaxonomy } from './use-industries.ts';

type Values = {
  code?: string;
  name?: string;
  nameEn?: string;
  isLeading?: boolean;
  sortOrder?: number | null;
};

export function IndustriesPage() {
  const { t } = useI18n();
  const can = useCan();
  const industries = useIndustryTaxonomy();
  const [isCreating, setIsCreating] = useState(false);
  return (
    <Page
      title={t('industry.title')}
      crumbs={[{ title: t('nav.directory') }, { title: t('industry.title') }]}
      testId="industries-page"
      extra={
        can('industry', 'create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsCreating(true)}
            data-testid="industry-new"
          >
            {t('industry.new')}
          </Button>
        )
      }
    >
      <Panel>
        {industries.isError ? (
          <QueryError error={industries.error} onRetry={() => industries.refetch()} />
        ) : (
          <Table<Industry>
            rowKey="id"
            size="middle"
            loading={industries.isFetching}
            dataSource={industries.data}
            pagination={false}
            scroll={{ x: 640 }}
            locale={{ emptyText: industries.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            columns={[
              { title: t('industry.sortOrder'), dataIndex: 'sortOrder', width: 80 },
              {
                title: t('industry.code'),
                dataIndex: 'code',
                width: 160,
                render: (v: string) => <code>{v}</code>,
              },
              {
                title: t('industry.name'),
                dataIndex: 'name',
                render: (v: string, row) => (
                  <>
                    {v} {row.isLeading && <Tag color="blue">{t('industry.leadingTag')}</Tag>}
                  </>
                ),
              },
              { title: t('industry.nameEn'), dataIndex: 'nameEn' },
            ]}
            data-testid="industry-table"
          />
        )}
      </Panel>
      {isCreating && <IndustryCreate onClose={() => setIsCreating(false)} />}
    </Page>
  );
}

function IndustryCreate({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateIndustry();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = (values: Values) => {
    const input = checkWithSchema(form, IndustryInput, {
      code: values.code ?? '',
      name: values.name ?? '',
      nameEn: values.nameEn ?? '',
      isLeading: values.isLeading ?? false,
      sortOrder: values.sortOrder ?? 0,
    });
    if (!input) return;
    create.mutate(input, {
      onSuccess: () => {
        message.success(t('industry.created'));
        onClose();
      },
      onError: (error) => setFormError(showSubmitError(form, error)),
    });
  };
  return (
    <Modal
      open
      title={t('industry.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ isLeading: false, sortOrder: 0 }}
      >
        <Form.Item
          name="code"
          label={t('industry.code')}
          rules={[{ required: true, message: t('common.required', { field: t('industry.code') }) }]}
        >
          <Input maxLength={32} placeholder="new-materials" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('industry.name')}
          rules={[{ required: true, message: t('common.required', { field: t('industry.name') }) }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('industry.nameEn')}
          rules={[{ required: true, message: t('common.required', { field: t('industry.nameEn') }) }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="isLeading" label={t('industry.isLeading')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('industry.sortOrder')}>
          <InputNumber min={0} max={999} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
