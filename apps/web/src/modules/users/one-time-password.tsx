import { type AccountRequest, ROLE_LABELS, type Role } from '@gaodi/contracts';
import { Typography } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';
import type { MessageKey } from '../../messages.ts';
import { type Translate, useI18n } from '../../ui/i18n.tsx';
import { regionName } from '../auth/session-header.tsx';
import { useSession } from '../auth/use-session.ts';

/** Shows a one-time password once, to be handed to its user over a safe channel. */
export function showOneTimePassword(modal: HookAPI, t: Translate, name: string, password: string) {
  modal.success({
    title: t('users.resetDone', { name }),
    content: (
      <>
        <Typography.Paragraph>{t('users.resetShowOnce')}</Typography.Paragraph>
        <Typography.Text copyable code strong data-testid="reset-password-value">
          {password}
        </Typography.Text>
      </>
    ),
  });
}

const CHANGE_LABELS: Record<string, MessageKey> = {
  username: 'users.username',
  displayName: 'users.displayName',
  role: 'users.role',
  regionCode: 'users.region',
  phone: 'users.phone',
  isDisabled: 'users.state',
};

/** A request's changes as the reader reads them: labelled fields, role and region names. */
export function useChangesText() {
  const { t, lang } = useI18n();
  const me = useSession();
  const regionNames = new Map(me.regions.map((r) => [r.code, regionName(r, lang)]));
  const shown = (k: string, v: string | boolean | null) =>
    k === 'role'
      ? (ROLE_LABELS[v as Role]?.[lang] ?? String(v))
      : k === 'regionCode'
        ? (regionNames.get(String(v)) ?? String(v))
        : k === 'isDisabled'
          ? t(v ? 'users.disabled' : 'users.active')
          : String(v);
  return (r: AccountRequest) =>
    Object.entries(r.changes)
      .filter(([k, v]) => v !== null && k in CHANGE_LABELS)
      .map(([k, v]) => `${t(CHANGE_LABELS[k] as MessageKey)}：${shown(k, v)}`)
      .join('；');
}
