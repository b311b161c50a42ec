import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadRef } from 'antd';
import type { Ref } from 'react';
import { uploadAttachment } from './use-recruitment.ts';

/** What POST /api/files accepts (it checks the type by content; this only narrows the file picker). */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

/**
 * One attachment as a form field (inside a Form.Item): uploads at once through uploadAttachment and
 * holds the stored file's id as its value, null while nothing (or a failed upload) is there.
 * `onUploading` lets the dialog hold its OK button until the upload answers.
 */
export function AttachmentUpload({
  ref,
  onChange,
  onUploading,
  onError,
  label,
  testId,
}: {
  /** Set by Form.Item; the control shows its own file list. */
  value?: string | null;
  /** From Form.Item, so a field error from the server finds this control. */
  ref?: Ref<UploadRef>;
  onChange?: (fileId: string | null) => void;
  onUploading?: (isUploading: boolean) => void;
  onError?: (message: string) => void;
  label: string;
  testId?: string;
}) {
  return (
    <Upload
      ref={ref}
      maxCount={1}
      accept={ATTACHMENT_ACCEPT}
      onRemove={() => onChange?.(null)}
      customRequest={async ({ file, onSuccess, onError: onFailed }) => {
        onChange?.(null);
        onUploading?.(true);
        try {
          const saved = await uploadAttachment(file as File);
          onChange?.(saved.id);
          onSuccess?.(saved);
        } catch (e) {
          onFailed?.(e as Error);
          onError?.(e instanceof Error ? e.message : String(e));
        } finally {
          onUploading?.(false);
        }
      }}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {label}
      </Button>
    </Upload>
  );
}
