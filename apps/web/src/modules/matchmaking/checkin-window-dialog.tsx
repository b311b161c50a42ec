import { CheckinWindow } from '@gaodi/contracts';
import { Alert, App, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useCheckinWindow, useSaveCheckinWindow } from './use-checkin-window.ts';

/** 签到时间: when this region's events take QR sign-ins (the database refuses sign-ins outside it). */
export function CheckinWindowButton() {
  const { t } = useI18n();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setIsOpen(true)} data-testid="checkin-window-open">
        {t('mm.checkinWindowSettings')}
      </Button>
      {isOpen && <CheckinWindowDialog onClose={() => setIsOpen(false)} />}
    </>
  );
}

function CheckinWindowDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const current = useCheckinWindow();
  const save = useSaveCheckinWindow();
  const [form] = Form.useForm<CheckinWindow>();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const input = checkWithSchema(form, CheckinWindow, form.getFieldsValue());
    if (!input) return;
    try {
      await save.mutateAsync(input);
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  if (!current.data) return null;
  return (
    <Modal
      open
      title={t('mm.checkinWindowSettings')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={save.isPending}
    >
      <Typography.Paragraph type="secondary">{t('mm.checkinWindowHint')}</Typography.Paragraph>
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={current.data}>
        <Form.Item name="opensHoursBefore" label={t('mm.checkinOpensBefore')}>
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="closesHoursAfter" label={t('mm.checkinClosesAfter')}>
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
