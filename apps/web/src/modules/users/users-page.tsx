import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type Role, Role as RoleSchema, type UserSummary } from '@gaodi/contracts';
import { Button, Empty, Flex, Input, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { AccountRequests } from './account-requests.tsx';
import { useUserColumns } from './use-user-columns.tsx';
import { useUsers } from './use-users.ts';
import { UserCreate } from './user-create.tsx';
import { UserEdit } from './user-edit.tsx';

const ROLES = RoleSchema.options;

/** The users matching the search (username or name) and the role picked. */
function filterUsers(users: UserSummary[], search: string, role: Role | undefined) {
  const q = search.trim().toLowerCase();
  return users.filter(
    (u) =>
      (!role || u.role === role) &&
      (!q || u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q)),
  );
}

export function UsersPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const users = useUsers();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);

  const rows = useMemo(() => filterUsers(users.data ?? [], search, role), [users.data, search, role]);

  const columns = useUserColumns(setEditing);

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
