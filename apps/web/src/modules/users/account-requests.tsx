import { type AccountRequest, ROLE_LABELS } from '@gaodi/contracts';
import { App, Button, Empty, Popconfirm, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { MessageKey } from '../../messages.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { useSession } from '../auth/use-session.ts';
import { showOneTimePassword, useChangesText } from './one-time-password.tsx';
import { useAccountRequests, useDecideRequest } from './use-users.ts';

const STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'default' } as const;

/** 待审批: changes to administrator accounts that wait for a second administrator (two-person rule). */
export function AccountRequests() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const me = useSession();
  const requests = useAccountRequests(true);
  const decide = useDecideRequest();
  const changes = useChangesText();
  const list = requests.data ?? [];
  if (list.length === 0) return null;

  const onDecide = (r: AccountRequest, approve: boolean) =>
    decide.mutate(
      { id: r.id, approve },
      {
        onSuccess: (d) => {
          void requests.refetch();
          if (d.temporaryPassword) showOneTimePassword(modal, t, r.targetUsername, d.temporaryPassword);
          else message.success(approve ? t('users.approved') : t('users.rejected'));
        },
        onError: (error) => message.error(error.message),
      },
    );

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
