import { PlusOutlined } from '@ant-design/icons';
import {
  ROLE_LABELS,
  type Role,
  Role as RoleSchema,
  UserCreateInput,
  type UserSummary,
} from '@gaodi/contracts';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  TreeSelect,
} from 'antd';
import { useMemo, useState } from 'react';
import { useIsNarrow } from '../../ui/app-layout.tsx';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { regionName, regionTree } from '../auth/session-header.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { useEnterprises } from '../directory/use-enterprises.ts';
import { useInstitutes } from '../directory/use-institutes.ts';
import { useCreateUser, useUpdateUser, useUsers } from './use-users.ts';

const ROLES = RoleSchema.options;

export function UsersPage() {
  const { t, lang } = useI18n();
  const isNarrow = useIsNarrow();
  const { message } = App.useApp();
  const me = useSession();
  const can = useCan();
  const users = useUsers();
  const updateUser = useUpdateUser();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [isCreating, setIsCreating] = useState(false);
  const regionNames = useMemo(
    () => new Map(me.regions.map((r) => [r.code, regionName(r, lang)])),
    [me.regions, lang],
  );

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (users.data ?? []).filter(
      (u) =>
        (!role || u.role === role) &&
        (!q || u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q)),
    );
  }, [users.data, search, role]);

  const patch = (user: UserSummary, change: { isDisabled?: boolean; unlock?: true }) =>
    updateUser.mutate(
      { id: user.id, patch: change },
      {
        onSuccess: () => message.success(t('users.updated')),
        onError: (error) => message.error(error.message),
      },
    );

  const columns: TableProps<UserSummary>['columns'] = [
    { title: t('users.username'), dataIndex: 'username', width: 140, fixed: isNarrow ? undefined : 'left' },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.role'), dataIndex: 'role', width: 140, render: (r: Role) => ROLE_LABELS[r][lang] },
    {
      title: t('users.region'),
      dataIndex: 'regionCode',
      width: 120,
      render: (c: string) => regionNames.get(c) ?? c,
    },
    {
      title: t('users.phone'),
      dataIndex: 'phone',
      width: 140,
      responsive: ['md'],
      render: (v: string | null) => v || '—',
    },
    {
      title: t('users.state'),
      key: 'state',
      width: 140,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.isDisabled && <Tag color="default">{t('users.disabled')}</Tag>}
          {u.isLocked && <Tag color="warning">{t('users.locked')}</Tag>}
          {!u.isDisabled && !u.isLocked && <Tag color="success">{t('users.active')}</Tag>}
        </Space>
      ),
    },
    ...(can('user', 'update')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: isNarrow ? undefined : ('right' as const),
            render: (_: unknown, u: UserSummary) =>
              u.id === me.id ? null : (
                <Space size={0} wrap>
                  {u.isDisabled ? (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => patch(u, { isDisabled: false })}
                      data-testid={`user-enable-${u.username}`}
                    >
                      {t('users.enable')}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={t('users.confirmDisable', { name: u.displayName })}
                      okText={t('users.disable')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => patch(u, { isDisabled: true })}
                    >
                      <Button type="link" size="small" danger data-testid={`user-disable-${u.username}`}>
                        {t('users.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                  {u.isLocked && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => patch(u, { unlock: true })}
                      data-testid={`user-unlock-${u.username}`}
                    >
                      {t('users.unlock')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('users.title')}
      crumbs={[{ title: t('nav.system') }, { title: t('users.title') }]}
      testId="users-page"
      extra={
        can('user', 'create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsCreating(true)}
            data-testid="user-new"
          >
            {t('users.new')}
          </Button>
        )
      }
    >
      <Panel>
        <Flex className="filter-bar" gap={12} wrap>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="user-search"
          />
          <Select
            allowClear
            placeholder={t('users.allRoles')}
            value={role}
            onChange={setRole}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
            style={{ width: 170 }}
          />
        </Flex>
        {users.isError ? (
          <QueryError error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <Table<UserSummary>
            rowKey="id"
            size="middle"
            loading={users.isFetching}
            dataSource={rows}
            columns={columns}
            scroll={{ x: 960 }}
            locale={{ emptyText: users.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            pagination={{
              defaultPageSize: 20,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { total: formatNumber(n) }),
            }}
            data-testid="user-table"
          />
        )}
      </Panel>
      {isCreating && <UserCreate onClose={() => setIsCreating(false)} />}
    </Page>
  );
}

type Values = {
  username?: string;
  displayName?: string;
  role?: Role;
  regionCode?: string;
  phone?: string;
  password?: string;
  enterpriseId?: string;
  instituteId?: string;
};

/** Picks the enterprise or institute an account is bound to, searched on the server (name or pinyin initials). */
function OrgSelect({
  kind,
  value,
  onChange,
}: {
  kind: 'enterprise' | 'institute';
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = { q: q || undefined, page: 1, pageSize: 20, sort: 'name' as const, order: 'asc' as const };
  const enterprises = useEnterprises(query, kind === 'enterprise');
  const institutes = useInstitutes(query, kind === 'institute');
  const list = kind === 'enterprise' ? enterprises : institutes;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('users.orgSearch')}
      loading={list.isFetching}
      options={(list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      data-testid={`user-${kind}-select`}
    />
  );
}

function UserCreate({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const tree = useMemo(() => regionTree(me.regions, lang), [me.regions, lang]);
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const submit = (values: Values) => {
    setFormError(null);
    const input = checkWithSchema(form, UserCreateInput, {
      username: values.username ?? '',
      displayName: values.displayName ?? '',
      role: values.role,
      regionCode: values.regionCode ?? '',
      phone: values.phone?.trim() ? values.phone.trim() : null,
      password: values.password ?? '',
      enterpriseId: values.role === 'enterprise' ? (values.enterpriseId ?? null) : null,
      instituteId: values.role === 'institute' ? (values.instituteId ?? null) : null,
    });
    if (!input) return;
    create.mutate(input, {
      onSuccess: () => {
        message.success(t('users.created'));
        onClose();
      },
      onError: (error) => setFormError(showSubmitError(form, error)),
    });
  };

  return (
    <Modal
      open
      title={t('users.new')}
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
        initialValues={{ role: 'staff', regionCode: me.activeRegionCode }}
        autoComplete="off"
      >
        <Form.Item name="username" label={t('users.username')} rules={[required(t('users.username'))]}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[required(t('users.displayName'))]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required(t('users.role'))]}>
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('users.region')} rules={[required(t('users.region'))]}>
          <TreeSelect treeData={tree} treeDefaultExpandAll />
        </Form.Item>
        {role === 'enterprise' && (
          <Form.Item
            name="enterpriseId"
            label={t('users.enterprise')}
            rules={[required(t('users.enterprise'))]}
          >
            <OrgSelect kind="enterprise" />
          </Form.Item>
        )}
        {role === 'institute' && (
          <Form.Item name="instituteId" label={t('users.institute')} rules={[required(t('users.institute'))]}>
            <OrgSelect kind="institute" />
          </Form.Item>
        )}
        <Form.Item name="phone" label={t('users.phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHelp')}
          rules={[required(t('users.password'))]}
        >
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
