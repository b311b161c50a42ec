import { UploadOutlined } from '@ant-design/icons';
import { ENTRY_KIND_LABELS, ENTRY_KINDS, type LedgerEntry, type LedgerEntryInput } from '@gaodi/contracts';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { ATTACHMENT_ACCEPT } from './attachment-upload.tsx';
import { kindLabelEn } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { uploadAttachment, useAddEntry, useUpdateEntry } from './use-recruitment.ts';

type Values = {
  entryOn: Dayjs;
  kind: LedgerEntry['kind'];
  participants?: string;
  content: string;
  result?: string;
  nextStep?: string;
  nextDate?: Dayjs | null;
};

/** A new ledger entry, an edit within 7 days (`editing`), or a correction of an older one (`correcting`). */
export function LedgerEntryDialog({
  recordId,
  editing,
  correcting,
  onClose,
}: {
  recordId: string;
  editing?: LedgerEntry;
  correcting?: LedgerEntry;
  onClose: () => void;
}) {
  const { lang } = useI18n();
  const t = useText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddEntry();
  const update = useUpdateEntry();
  const [attachmentIds, setAttachmentIds] = useState<string[]>(editing?.attachments.map((a) => a.id) ?? []);
  const [error, setError] = useState<string | null>(null);
  const source = editing ?? correcting;

  const submit = async (v: Values) => {
    setError(null);
    const input: LedgerEntryInput = {
      entryOn: v.entryOn.format('YYYY-MM-DD'),
      kind: v.kind,
      participants: v.participants ?? '',
      content: v.content,
      result: v.result ?? '',
      nextStep: v.nextStep ?? '',
      nextDate: v.nextDate ? v.nextDate.format('YYYY-MM-DD') : null,
      attachmentIds,
      correctsId: correcting?.id ?? null,
    };
    try {
      if (editing) await update.mutateAsync({ entryId: editing.id, input });
      else await add.mutateAsync({ id: recordId, input });
      message.success(t('saved'));
      onClose();
    } catch (e) {
      setError(showSubmitError(form, e));
    }
  };

  return (
    <Modal
      open
      width={640}
      title={editing ? t('edit') : correcting ? t('correction') : t('addEntry')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={add.isPending || update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          entryOn: editing ? dayjs(editing.entryOn) : dayjs(),
          kind: source?.kind ?? 'visit',
          participants: source?.participants,
          content: editing?.content ?? (correcting ? `更正：${correcting.content}` : ''),
          result: source?.result,
          nextStep: source?.nextStep,
          nextDate: source?.nextDate ? dayjs(source.nextDate) : null,
        }}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="entryOn" label={t('entryOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
          <Select
            options={ENTRY_KINDS.map((k) => ({
              value: k,
              label: lang === 'en' ? kindLabelEn(k) : ENTRY_KIND_LABELS[k],
            }))}
            data-testid="entry-kind"
          />
        </Form.Item>
        <Form.Item name="participants" label={t('participants')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="content" label={t('content')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="entry-content" />
        </Form.Item>
        <Form.Item name="result" label={t('result')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('nextStep')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="nextDate" label={t('nextDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('attachments')}>
          <Upload
            multiple
            accept={ATTACHMENT_ACCEPT}
            defaultFileList={editing?.attachments.map((a) => ({
              uid: a.id,
              name: a.name,
              status: 'done' as const,
              response: a,
            }))}
            onRemove={(f) =>
              setAttachmentIds((ids) =>
                ids.filter((id) => id !== (f.response as { id?: string } | undefined)?.id),
              )
            }
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                const saved = await uploadAttachment(file as File);
                setAttachmentIds((ids) => [...ids, saved.id]);
                onSuccess?.(saved);
              } catch (e) {
                onError?.(e as Error);
                setError(e instanceof Error ? e.message : String(e));
              }
            }}
          >
            <Button icon={<UploadOutlined />}>{t('upload')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
