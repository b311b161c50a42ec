import { ROLE_LABELS, type Role, Role as RoleSchema, UserCreateInput } from '@gaodi/contracts';
import { Alert, App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { regionTree } from '../auth/session-header.tsx';
import { useSession } from '../auth/use-session.ts';
import { useEnterprises } from '../directory/use-enterprises.ts';
import { useInstitutes } from '../directory/use-institutes.ts';
import { useCreateUser } from './use-users.ts';

const ROLES = RoleSchema.options;

type Values = {
  username?: string;
  displayName?: string;
  role?: Role;
  regionCode?: string;
  phone?: string;
  password?: string;
  enterpriseId?: string;
  instituteId?: string;
};

/** Picks the enterprise or institute an account is bound to, searched on the server (name or pinyin initials). */
function OrgSelect({
  kind,
  value,
  onChange,
}: {
  kind: 'enterprise' | 'institute';
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = { q: q || undefined, page: 1, pageSize: 20, sort: 'name' as const, order: 'asc' as const };
  const enterprises = useEnterprises(query, kind === 'enterprise');
  const institutes = useInstitutes(query, kind === 'institute');
  const list = kind === 'enterprise' ? enterprises : institutes;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('users.orgSearch')}
      loading={list.isFetching}
      options={(list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      data-testid={`user-${kind}-select`}
    />
  );
}

/** What the form sends: an organisation only for its role, no phone when left blank. */
const bodyOf = (values: Values) => ({
  username: values.username ?? '',
  displayName: values.displayName ?? '',
  role: values.role,
  regionCode: values.regionCode ?? '',
  phone: values.phone?.trim() ? values.phone.trim() : null,
  password: values.password ?? '',
  enterpriseId: values.role === 'enterprise' ? (values.enterpriseId ?? null) : null,
  instituteId: values.role === 'institute' ? (values.instituteId ?? null) : null,
});

/** The account's fields; the enterprise or institute it speaks for when its role is one. */
function UserCreateFields({ role }: { role: Values['role'] | undefined }) {
  const { t, lang } = useI18n();
  const me = useSession();
  const tree = useMemo(() => regionTree(me.regions, lang), [me.regions, lang]);
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <>
      <Form.Item name="username" label={t('users.username')} rules={[required(t('users.username'))]}>
        <Input maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t('users.displayName'))]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[required(t('users.role'))]}>
        <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('users.region')} rules={[required(t('users.region'))]}>
        <TreeSelect treeData={tree} treeDefaultExpandAll />
      </Form.Item>
      {role === 'enterprise' && (
        <Form.Item
          name="enterpriseId"
          label={t('users.enterprise')}
          rules={[required(t('users.enterprise'))]}
        >
          <OrgSelect kind="enterprise" />
        </Form.Item>
      )}
      {role === 'institute' && (
        <Form.Item name="instituteId" label={t('users.institute')} rules={[required(t('users.institute'))]}>
          <OrgSelect kind="institute" />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('users.phone')}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.password')}
        extra={t('users.passwordHelp')}
        rules={[required(t('users.password'))]}
      >
        <Input.Password maxLength={128} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

export function UserCreate({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (values: Values) => {
    setFormError(null);
    const input = checkWithSchema(form, UserCreateInput, bodyOf(values));
    if (!input) return;
    create.mutate(input, {
      onSuccess: (r) => {
        message.success(r.status === 'pending' ? t('users.requested') : t('users.created'));
        onClose();
      },
      onError: (error) => setFormError(showSubmitError(form, error)),
    });
  };

  return (
    <Modal
      open
      title={t('users.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: 'staff', regionCode: me.activeRegionCode }}
        autoComplete="off"
      >
        <UserCreateFields role={role} />
      </Form>
    </Modal>
  );
}
