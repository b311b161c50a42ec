import {
  ROLE_LABELS,
  type Role,
  Role as RoleSchema,
  UserEditInput,
  type UserSummary,
} from '@gaodi/contracts';
import { Alert, App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { regionTree } from '../auth/session-header.tsx';
import { useSession } from '../auth/use-session.ts';
import { useEditUser } from './use-users.ts';

type Values = { displayName?: string; phone?: string; role?: Role; regionCode?: string };
const BOUND = new Set<Role>(['enterprise', 'institute']);

/** 编辑: name, phone, role and region; only what changed is sent (an administrator role waits for approval). */
export function UserEdit({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const edit = useEditUser();
  const [formError, setFormError] = useState<string | null>(null);
  const tree = useMemo(() => regionTree(me.regions, lang), [me.regions, lang]);
  const isBound = BOUND.has(user.role);
  const roles = RoleSchema.options.filter((r) => !BOUND.has(r));

  const submit = (values: Values) => {
    setFormError(null);
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    const changes = {
      displayName: values.displayName !== user.displayName ? values.displayName : undefined,
      phone: phone !== user.phone ? phone : undefined,
      role: values.role !== user.role ? values.role : undefined,
      regionCode: values.regionCode !== user.regionCode ? values.regionCode : undefined,
    };
    const input = checkWithSchema(form, UserEditInput, changes);
    if (!input) {
      if (Object.values(changes).every((v) => v === undefined)) onClose();
      return;
    }
    edit.mutate(
      { id: user.id, edit: input },
      {
        onSuccess: (r) => {
          message.success(r.status === 'pending' ? t('users.requested') : t('users.updated'));
          onClose();
        },
        onError: (error) => setFormError(showSubmitError(form, error)),
      },
    );
  };

  return (
    <Modal
      open
      title={`${t('common.edit')} · ${user.username}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={edit.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          displayName: user.displayName,
          phone: user.phone ?? '',
          role: user.role,
          regionCode: user.regionCode,
        }}
        data-testid="user-edit-form"
      >
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} extra={t('users.adminRoleHint')}>
          <Select
            disabled={isBound}
            options={(isBound ? [user.role] : roles).map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('users.region')}>
          <TreeSelect disabled={isBound} treeData={tree} treeDefaultExpandAll />
        </Form.Item>
      </Form>
    </Modal>
  );
}
