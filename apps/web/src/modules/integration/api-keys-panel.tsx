import { API_KEY_ROLES, type ApiKey, type ApiKeyRole, ROLE_LABELS } from '@gaodi/contracts';
import {
  App,
  Button,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { useApiKeys, useKeyActions, useKeyPermissions } from './use-integration.ts';

type KeyForm = {
  name: string;
  role: ApiKeyRole;
  permissions: string[];
  rateLimitPerMinute: number;
  expiresAt: Dayjs;
};

/** The keys table's columns; `onRevoke` revokes an active key after a confirmation. */
function useKeyColumns(onRevoke: (id: string) => void) {
  const { t, lang } = useI18n();
  const columns = [
    { title: t('integration.name'), dataIndex: 'name' },
    { title: 'ID', dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
    { title: t('integration.role'), dataIndex: 'role', render: (r: ApiKeyRole) => ROLE_LABELS[r][lang] },
    { title: t('integration.permissions'), dataIndex: 'permissions', render: (p: string[]) => p.join(', ') },
    { title: t('integration.expiresAt'), dataIndex: 'expiresAt', render: (d: string) => d.slice(0, 10) },
    {
      title: t('integration.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (d: string | null) => d?.slice(0, 16).replace('T', ' ') ?? '—',
    },
    {
      title: t('integration.status'),
      dataIndex: 'status',
      render: (s: ApiKey['status']) => (
        <Tag color={s === 'active' ? 'green' : 'default'}>{t(`integration.status.${s}`)}</Tag>
      ),
    },
    {
      key: 'actions',
      render: (_: unknown, k: ApiKey) =>
        k.status === 'active' && (
          <Popconfirm title={t('integration.revokeConfirm')} onConfirm={() => onRevoke(k.id)}>
            <Button danger size="small">
              {t('integration.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return columns;
}

/** The new key's fields: name, role, permissions of that role, rate limit, expiry. */
function KeyFields({
  form,
  onFinish,
  permissions,
}: {
  form: FormInstance<KeyForm>;
  onFinish: (v: KeyForm) => void;
  permissions: string[];
}) {
  const { t, lang } = useI18n();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ role: 'staff', rateLimitPerMinute: 120 }}
    >
      <Form.Item name="name" label={t('integration.name')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="role" label={t('integration.role')}>
        <Select options={API_KEY_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
      </Form.Item>
      <Form.Item name="permissions" label={t('integration.permissions')} rules={[{ required: true }]}>
        <Select mode="multiple" options={permissions.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Form.Item name="rateLimitPerMinute" label={t('integration.rateLimit')}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
      <Form.Item name="expiresAt" label={t('integration.expiresAt')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </Form>
  );
}

/** The system administrator's API keys: create (the key shown once), list, revoke. */
export function ApiKeysPanel() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const me = useSession();
  const keys = useApiKeys();
  const allowed = useKeyPermissions();
  const { create, revoke } = useKeyActions();
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<KeyForm>();
  const role = Form.useWatch('role', form);

  const submit = async (v: KeyForm) => {
    const answer = await create.mutateAsync({
      name: v.name,
      regionCode: me.activeRegionCode,
      role: v.role,
      permissions: v.permissions,
      rateLimitPerMinute: v.rateLimitPerMinute,
      expiresAt: v.expiresAt.toISOString(),
    });
    setIsOpen(false);
    form.resetFields();
    modal.success({
      title: t('integration.keyCreated'),
      content: (
        <>
          <Typography.Paragraph>{t('integration.secretOnce')}</Typography.Paragraph>
          <Typography.Text copyable code data-testid="api-key-secret">
            {answer.secret}
          </Typography.Text>
        </>
      ),
    });
  };

  const columns = useKeyColumns((id) => revoke.mutate(id));

  return (
    <>
      <Button
        type="primary"
        onClick={() => setIsOpen(true)}
        style={{ marginBottom: 12 }}
        data-testid="api-key-new"
      >
        {t('integration.newKey')}
      </Button>
      <Table
        rowKey="id"
        size="small"
        loading={keys.isLoading}
        dataSource={keys.data ?? []}
        columns={columns}
        pagination={false}
      />
      <Modal
        open={isOpen}
        title={t('integration.newKey')}
        onCancel={() => setIsOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <KeyFields form={form} onFinish={submit} permissions={allowed.data?.[role ?? 'staff'] ?? []} />
      </Modal>
    </>
  );
}
