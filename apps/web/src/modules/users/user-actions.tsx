import { type AccountAction, accountRule, type UserSummary } from '@gaodi/contracts';
import { App, Button, Popconfirm, Space } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { showOneTimePassword } from './one-time-password.tsx';
import { useResetMfa, useResetPassword, useUpdateUser } from './use-users.ts';

/** What the signed-in administrator may do to this account (三员 table in contracts), never their own. */
export function useAccountRule() {
  const me = useSession();
  return (user: UserSummary, action: AccountAction) =>
    user.id === me.id ? null : accountRule(me.role, user.role, action);
}

/** The row's actions: each shown only when the separation-of-duties table allows it. */
export function UserActions({ user, onEdit }: { user: UserSummary; onEdit?: (user: UserSummary) => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const rule = useAccountRule();
  const updateUser = useUpdateUser();
  const reset = useResetPassword();
  const resetMfa = useResetMfa();
  const me = useSession();

  const done = (pending: boolean) => message.success(pending ? t('users.requested') : t('users.updated'));
  const patch = (change: { isDisabled?: boolean; unlock?: true }) =>
    updateUser.mutate(
      { id: user.id, patch: change },
      { onSuccess: (r) => done(r.status === 'pending'), onError: (error) => message.error(error.message) },
    );
  const doReset = () =>
    reset.mutate(user.id, {
      onSuccess: (r) => {
        if (r.status === 'pending') return done(true);
        showOneTimePassword(modal, t, user.displayName, r.temporaryPassword);
      },
      onError: (error) => message.error(error.message),
    });

  return (
    <Space size={0} wrap>
      {onEdit && rule(user, 'update') && (
        <Button
          type="link"
          size="small"
          onClick={() => onEdit(user)}
          data-testid={`user-edit-${user.username}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {rule(user, 'reset_password') && (
        <Popconfirm
          title={t('users.confirmReset', { name: user.displayName })}
          okText={t('users.resetPassword')}
          cancelText={t('common.cancel')}
          onConfirm={doReset}
        >
          <Button type="link" size="small" data-testid={`user-reset-${user.username}`}>
            {t('users.resetPassword')}
          </Button>
        </Popconfirm>
      )}
      {user.isDisabled
        ? rule(user, 'enable') && (
            <Button
              type="link"
              size="small"
              onClick={() => patch({ isDisabled: false })}
              data-testid={`user-enable-${user.username}`}
            >
              {t('users.enable')}
            </Button>
          )
        : rule(user, 'disable') && (
            <Popconfirm
              title={t('users.confirmDisable', { name: user.displayName })}
              okText={t('users.disable')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => patch({ isDisabled: true })}
            >
              <Button type="link" size="small" danger data-testid={`user-disable-${user.username}`}>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          )}
      {me.role === 'secadmin' && user.mfaEnabled && user.id !== me.id && (
        <Popconfirm
          title={t('mfa.resetConfirm')}
          okText={t('mfa.reset')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            resetMfa.mutate(user.id, {
              onSuccess: () => message.success(t('mfa.resetDone')),
              onError: (error) => message.error(error.message),
            })
          }
        >
          <Button type="link" size="small" data-testid={`user-mfa-reset-${user.username}`}>
            {t('mfa.reset')}
          </Button>
        </Popconfirm>
      )}
      {user.isLocked && rule(user, 'unlock') && (
        <Button
          type="link"
          size="small"
          onClick={() => patch({ unlock: true })}
          data-testid={`user-unlock-${user.username}`}
        >
          {t('users.unlock')}
        </Button>
      )}
    </Space>
  );
}
