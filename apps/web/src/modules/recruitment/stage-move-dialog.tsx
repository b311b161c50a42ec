import {
  PLATFORM_KIND_LABELS,
  PLATFORM_KINDS,
  PLATFORM_LEVEL_LABELS,
  PLATFORM_LEVELS,
  type Stage,
  type StageMoveInput,
  stageRequirements,
} from '@gaodi/contracts';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { AttachmentUpload } from './attachment-upload.tsx';
import { stageLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { useMoveStage, usePlatforms } from './use-recruitment.ts';

type Values = {
  signedOn?: Dayjs;
  agreementFileId?: string;
  platformMode?: 'existing' | 'new';
  platformId?: string;
  platformName?: string;
  platformKind?: (typeof PLATFORM_KINDS)[number];
  platformLevel?: (typeof PLATFORM_LEVELS)[number];
  partners?: string;
  reason?: string;
  note?: string;
};

/**
 * Asks for what a move needs (stageRequirements, shared with the server) and sends it. A move
 * without requirements still opens, for an optional note that goes into the ledger entry.
 */
export function StageMoveDialog({
  recordId,
  from,
  to,
  onClose,
}: {
  recordId: string;
  from: Stage;
  to: Stage;
  onClose: () => void;
}) {
  const { lang } = useI18n();
  const t = useText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMoveStage();
  const needs = stageRequirements(to);
  const platforms = usePlatforms();
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const platformMode = Form.useWatch('platformMode', form) ?? 'existing';

  const submit = async (v: Values) => {
    setError(null);
    const input: StageMoveInput = { to, note: v.note ?? '' };
    if (needs.includes('signedOn')) input.signedOn = v.signedOn?.format('YYYY-MM-DD');
    if (needs.includes('agreementFileId')) input.agreementFileId = v.agreementFileId;
    if (needs.includes('reason')) input.reason = v.reason;
    if (needs.includes('platform')) {
      if (platformMode === 'new')
        input.platform = {
          name: v.platformName ?? '',
          kind: v.platformKind ?? 'joint_lab',
          level: v.platformLevel ?? 'county',
          partners: (v.partners ?? '')
            .split(/[,，、]/)
            .map((s) => s.trim())
            .filter(Boolean),
        };
      else input.platformId = v.platformId;
    }
    try {
      await move.mutateAsync({ id: recordId, input });
      message.success(t('moved', { to: stageLabel(to, lang) }));
      onClose();
    } catch (e) {
      setError(showSubmitError(form, e));
    }
  };

  return (
    <Modal
      open
      title={t('moveTitle', { from: stageLabel(from, lang), to: stageLabel(to, lang) })}
      onCancel={onClose}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={move.isPending}
      okButtonProps={{ disabled: uploading, id: 'stage-move-ok' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ platformMode: 'existing' }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {needs.includes('signedOn') && (
          <Form.Item name="signedOn" label={t('signedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="move-signed-on" />
          </Form.Item>
        )}
        {needs.includes('agreementFileId') && (
          <Form.Item name="agreementFileId" label={t('agreement')} rules={[{ required: true }]}>
            <AttachmentUpload
              label={t('upload')}
              testId="move-agreement"
              onUploading={setUploading}
              onError={setError}
            />
          </Form.Item>
        )}
        {needs.includes('platform') && (
          <>
            <Form.Item name="platformMode" label={t('platform')}>
              <Radio.Group
                options={[
                  { value: 'existing', label: t('platform') },
                  { value: 'new', label: t('newPlatform') },
                ]}
              />
            </Form.Item>
            {platformMode === 'existing' ? (
              <Form.Item name="platformId" rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={platforms.isPending}
                  options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="platformName" label={t('platformName')} rules={[{ required: true }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="platformKind" label={t('platformKind')} initialValue="joint_lab">
                  <Select
                    options={PLATFORM_KINDS.map((k) => ({ value: k, label: PLATFORM_KIND_LABELS[k] }))}
                  />
                </Form.Item>
                <Form.Item name="platformLevel" label={t('platformLevel')} initialValue="county">
                  <Select
                    options={PLATFORM_LEVELS.map((k) => ({ value: k, label: PLATFORM_LEVEL_LABELS[k] }))}
                  />
                </Form.Item>
                <Form.Item name="partners" label={t('partners')}>
                  <Input />
                </Form.Item>
              </>
            )}
          </>
        )}
        {needs.includes('reason') && (
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="move-reason" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
