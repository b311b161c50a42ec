import { type AccountRequest, ROLE_LABELS } from '@gaodi/contracts';
import { Button, Space, type TableProps, Tag, Typography } from 'antd';
import type { MessageKey } from '../../messages.ts';
import { ActionLink } from '../../ui/action-link.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { useChangesText } from './one-time-password.tsx';

const STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'default' } as const;

type Decide = (request: AccountRequest, approve: boolean) => void;

/**
 * Approve / reject for a pending request this administrator may decide (the approver's role, not
 * their own request nor their own account); for others, whose decision it waits for.
 */
function RequestDecision({ request: r, onDecide }: { request: AccountRequest; onDecide: Decide }) {
  const { t, lang } = useI18n();
  const me = useSession();
  if (r.status !== 'pending') return null;
  const mayDecide =
    r.approverRole === me.role && r.requestedByName !== me.username && r.targetUserId !== me.id;
  if (!mayDecide)
    return (
      <Typography.Text type="secondary">
        {t('users.waitingFor', { role: ROLE_LABELS[r.approverRole][lang] })}
      </Typography.Text>
    );
  return (
    <Space size={0}>
      <ActionLink
        label={t('users.approve')}
        testId={`request-approve-${r.targetUsername}`}
        confirm={t('users.confirmApprove')}
        onClick={() => onDecide(r, true)}
      />
      <Button type="link" size="small" danger onClick={() => onDecide(r, false)}>
        {t('users.reject')}
      </Button>
    </Space>
  );
}

/** The columns of 待审批: when, who asked, what, for whom, the changes, status and the decision. */
export function useAccountRequestColumns(onDecide: Decide): TableProps<AccountRequest>['columns'] {
  const { t, lang } = useI18n();
  const changes = useChangesText();
  return [
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
      render: (_, r) => <RequestDecision request={r} onDecide={onDecide} />,
    },
  ];
}
