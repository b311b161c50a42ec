import type { AccountRequest } from '@gaodi/contracts';
import { App, Empty, Table, Typography } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { useAccountRequestColumns } from './account-request-columns.tsx';
import { showOneTimePassword } from './one-time-password.tsx';
import { useAccountRequests, useDecideRequest } from './use-users.ts';

/** 待审批: changes to administrator accounts that wait for a second administrator (two-person rule). */
export function AccountRequests() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const requests = useAccountRequests(true);
  const decide = useDecideRequest();
  const list = requests.data ?? [];

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

  const columns = useAccountRequestColumns(onDecide);
  if (list.length === 0) return null;

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
