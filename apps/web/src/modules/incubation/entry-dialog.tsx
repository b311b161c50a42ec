import { IncubateeInput } from '@gaodi/contracts';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { kindLabel } from './incubation-labels.ts';
import { useCarriers, useCreateIncubatee } from './use-incubation.ts';

/** 入驻: a team (no licence yet) or an enterprise enters a carrier; its stage is the carrier's kind. */
export function EntryDialog({ onClose, carrierId }: { onClose: () => void; carrierId?: string }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const create = useCreateIncubatee();
  const carriers = useCarriers({ pageSize: 200 });
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Record<string, unknown>) => {
    const input = {
      ...v,
      enteredOn: (v.enteredOn as Dayjs | undefined)?.format('YYYY-MM-DD'),
      creditCode: v.creditCode ? String(v.creditCode).toUpperCase() : null,
    };
    if (!checkWithSchema(form, IncubateeInput, input)) return;
    try {
      const created = await create.mutateAsync(input as never);
      onClose();
      navigate(`/incubatees/${created.id}`);
    } catch (e) {
      setError(showSubmitError(form, e));
    }
  };
  return (
    <Modal
      open
      title={t('inc.enter')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ id: 'entry-save' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ carrierId }}>
        <Form.Item name="name" label={t('inc.name')} required extra={t('inc.nameHint')}>
          <Input maxLength={100} data-testid="entry-name" />
        </Form.Item>
        <Form.Item name="carrierId" label={t('inc.carrier')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(carriers.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.name}（${kindLabel(c.kind, lang)}）`,
            }))}
            data-testid="entry-carrier"
          />
        </Form.Item>
        <Form.Item name="enteredOn" label={t('inc.enteredOn')} required>
          <DatePicker style={{ width: '100%' }} data-testid="entry-date" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('inc.creditCode')} extra={t('inc.creditCodeHint')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="space" label={t('inc.space')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="contact" label={t('inc.contact')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
