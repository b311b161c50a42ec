import { type AccountAction, accountRule, type UserSummary } from '@gaodi/contracts';
import { App, Space } from 'antd';
import { ActionLink } from '../../ui/action-link.tsx';
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

  const resetMfaOf = () =>
    resetMfa.mutate(user.id, {
      onSuccess: () => message.success(t('mfa.resetDone')),
      onError: (error) => message.error(error.message),
    });
  const id = (action: string) => `user-${action}-${user.username}`;

  return (
    <Space size={0} wrap>
      {onEdit && rule(user, 'update') && (
        <ActionLink label={t('common.edit')} testId={id('edit')} onClick={() => onEdit(user)} />
      )}
      {rule(user, 'reset_password') && (
        <ActionLink
          label={t('users.resetPassword')}
          testId={id('reset')}
          confirm={t('users.confirmReset', { name: user.displayName })}
          onClick={doReset}
        />
      )}
      {user.isDisabled
        ? rule(user, 'enable') && (
            <ActionLink
              label={t('users.enable')}
              testId={id('enable')}
              onClick={() => patch({ isDisabled: false })}
            />
          )
        : rule(user, 'disable') && (
            <ActionLink
              label={t('users.disable')}
              testId={id('disable')}
              confirm={t('users.confirmDisable', { name: user.displayName })}
              isDanger
              onClick={() => patch({ isDisabled: true })}
            />
          )}
      {me.role === 'secadmin' && user.mfaEnabled && user.id !== me.id && (
        <ActionLink
          label={t('mfa.reset')}
          testId={id('mfa-reset')}
          confirm={t('mfa.resetConfirm')}
          onClick={resetMfaOf}
        />
      )}
      {user.isLocked && rule(user, 'unlock') && (
        <ActionLink label={t('users.unlock')} testId={id('unlock')} onClick={() => patch({ unlock: true })} />
      )}
    </Space>
  );
}
