import { ROLE_LABELS, type Role, type UserSummary } from '@gaodi/contracts';
import { Space, type TableProps, Tag } from 'antd';
import { useMemo } from 'react';
import { useIsNarrow } from '../../ui/app-layout.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { regionName } from '../auth/session-header.tsx';
import { useSession } from '../auth/use-session.ts';
import { UserActions } from './user-actions.tsx';

/** The user list's columns: account, name, role, region, phone, state tags and the row's actions. */
export function useUserColumns(setEditing: (user: UserSummary) => void): TableProps<UserSummary>['columns'] {
  const { t, lang } = useI18n();
  const isNarrow = useIsNarrow();
  const me = useSession();
  const regionNames = useMemo(
    () => new Map(me.regions.map((r) => [r.code, regionName(r, lang)])),
    [me.regions, lang],
  );
  return [
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
}
