import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type Role, Role as RoleSchema, type UserSummary } from '@gaodi/contracts';
import { Button, Empty, Flex, Input, Select, Space, Table, type TableProps, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useIsNarrow } from '../../ui/app-layout.tsx';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { regionName } from '../auth/session-header.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { AccountRequests } from './account-requests.tsx';
import { useUsers } from './use-users.ts';
import { UserActions } from './user-actions.tsx';
import { UserCreate } from './user-create.tsx';
import { UserEdit } from './user-edit.tsx';

const ROLES = RoleSchema.options;

export function UsersPage() {
  const { t, lang } = useI18n();
  const isNarrow = useIsNarrow();
  const me = useSession();
  const can = useCan();
  const users = useUsers();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
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
          {u.mustChangePassword && <Tag color="processing">{t('users.mustChange')}</Tag>}
          {u.mfaEnabled && <Tag color="blue">{t('mfa.title')}</Tag>}
          {!u.isDisabled && !u.isLocked && <Tag color="success">{t('users.active')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      fixed: isNarrow ? undefined : ('right' as const),
      render: (_: unknown, u: UserSummary) => <UserActions user={u} onEdit={setEditing} />,
    },
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
      <AccountRequests />
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
      {editing && <UserEdit user={editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}
