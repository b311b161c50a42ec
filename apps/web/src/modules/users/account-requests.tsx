import { type AccountRequest, ROLE_LABELS, type Role } from '@gaodi/contracts';
import { App, Button, Empty, Popconfirm, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { MessageKey } from '../../messages.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { regionName } from '../auth/session-header.tsx';
import { useSession } from '../auth/use-session.ts';
import { useAccountRequests, useDecideRequest } from './use-users.ts';

const CHANGE_LABELS: Record<string, MessageKey> = {
  username: 'users.username',
  displayName: 'users.displayName',
  role: 'users.role',
  regionCode: 'users.region',
  phone: 'users.phone',
  isDisabled: 'users.state',
};
const STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'default' } as const;

/** 待审批: changes to administrator accounts that wait for a second administrator (two-person rule). */
export function AccountRequests() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const me = useSession();
  const regionNames = new Map(me.regions.map((r) => [r.code, regionName(r, lang)]));
  const requests = useAccountRequests(true);
  const decide = useDecideRequest();
  const list = requests.data ?? [];
  if (list.length === 0) return null;

  const onDecide = (r: AccountRequest, approve: boolean) =>
    decide.mutate(
      { id: r.id, approve },
      {
        onSuccess: (d) => {
          void requests.refetch();
          if (d.temporaryPassword)
            modal.success({
              title: t('users.resetDone', { name: r.targetUsername }),
              content: (
                <>
                  <Typography.Paragraph>{t('users.resetShowOnce')}</Typography.Paragraph>
                  <Typography.Text copyable code strong>
                    {d.temporaryPassword}
                  </Typography.Text>
                </>
              ),
            });
          else message.success(approve ? t('users.approved') : t('users.rejected'));
        },
        onError: (error) => message.error(error.message),
      },
    );

  const changes = (r: AccountRequest) =>
    Object.entries(r.changes)
      .filter(([k, v]) => v !== null && k in CHANGE_LABELS)
      .map(([k, v]) => {
        const value =
          k === 'role'
            ? (ROLE_LABELS[v as Role]?.[lang] ?? String(v))
            : k === 'regionCode'
              ? (regionNames.get(String(v)) ?? String(v))
              : k === 'isDisabled'
                ? t(v ? 'users.disabled' : 'users.active')
                : String(v);
        return `${t(CHANGE_LABELS[k] as MessageKey)}：${value}`;
      })
      .join('；');

  const columns: TableProps<AccountRequest>['columns'] = [
    {
      title: t('users.requestAt'),
      dataIndex: 'requestedAt',
      width: 150,
      render: (v: string) => formatDateTime(v, lang),
    },
    { title: t('users.requestBy'), dataIndex: 'requestedByName', width: 110 },
    {
      title: t('users.requestAction'),
      dataIndex: 'action',
      width: 110,
      render: (a: AccountRequest['action']) => t(`users.action.${a}` as MessageKey),
    },
    {
      title: t('users.requestTarget'),
      key: 'target',
      width: 180,
      render: (_, r) => `${r.targetUsername} · ${ROLE_LABELS[r.targetRole][lang]}`,
    },
    { title: t('users.requestChanges'), key: 'changes', render: (_, r) => changes(r) || '—' },
    {
      title: t('users.requestStatus'),
      key: 'status',
      width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[r.status]}>{t(`users.status.${r.status}` as MessageKey)}</Tag>
          {r.decidedByName && <span>{r.decidedByName}</span>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, r) =>
        r.status === 'pending' &&
        r.approverRole === me.role &&
        r.requestedByName !== me.username &&
        r.targetUserId !== me.id ? (
          <Space size={0}>
            <Popconfirm
              title={t('users.confirmApprove')}
              okText={t('users.approve')}
              cancelText={t('common.cancel')}
              onConfirm={() => onDecide(r, true)}
            >
              <Button type="link" size="small" data-testid={`request-approve-${r.targetUsername}`}>
                {t('users.approve')}
              </Button>
            </Popconfirm>
            <Button type="link" size="small" danger onClick={() => onDecide(r, false)}>
              {t('users.reject')}
            </Button>
          </Space>
        ) : r.status === 'pending' ? (
          <Typography.Text type="secondary">
            {t('users.waitingFor', { role: ROLE_LABELS[r.approverRole][lang] })}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Panel>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('users.requestsTitle')}
      </Typography.Title>
      <Table<AccountRequest>
        rowKey="id"
        size="small"
        dataSource={list}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        data-testid="account-requests"
      />
    </Panel>
  );
}
