import {
  checkMove,
  type Pipeline,
  type Requirement,
  type StagePipeline,
  type StagePosition,
} from '@gaodi/contracts';
import { Alert, App, DatePicker, Form, type FormInstance, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { showFieldProblems, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { usePositionNames } from './stage-names.ts';

/** Today in China time, as the server checks dates (YYYY-MM-DD). */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export type FieldSlot = {
  requirement: Requirement;
  /** Holds the OK button while an upload runs. */
  setUploading: (isUploading: boolean) => void;
  setError: (message: string) => void;
};

type StageMoveDialogProps<S extends string> = {
  pipeline: Pipeline<S> & { key: StagePipeline };
  from: StagePosition<S>;
  to: StagePosition<S>;
  /** The record's dates named in the pipeline's date order (e.g. signedOn). */
  dates?: Record<string, string | null>;
  /** Form items for `file` and `custom` requirements (the module's upload, a platform picker). */
  renderField?: (slot: FieldSlot) => ReactNode;
  /** Turns the module's own form values (e.g. a new platform) into input fields. */
  toInput?: (values: Record<string, unknown>) => Record<string, unknown>;
  onSubmit: (
    input: Record<string, unknown> & { to: S; subStage: string | null; note: string },
  ) => Promise<unknown>;
  onClose: () => void;
};

/** The form's values as the move's input: dates as YYYY-MM-DD, the module's own values mapped by `toInput`. */
function moveInputOf<S extends string>(
  values: Record<string, unknown>,
  to: StagePosition<S>,
  toInput?: (values: Record<string, unknown>) => Record<string, unknown>,
) {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    fields[key] = dayjs.isDayjs(value) ? (value as Dayjs).format('YYYY-MM-DD') : value;
  }
  return {
    ...fields,
    ...(toInput?.(fields) ?? {}),
    to: to.stage,
    subStage: to.subStage,
    note: typeof fields.note === 'string' ? fields.note : '',
  };
}

/**
 * The one move dialog of every pipeline: it asks for what the declaration says entering the stage
 * requires (dates, texts; files and module-specific fields through `renderField`), checks the move
 * with the same `checkMove` as the server before sending, and shows the server's problems on their
 * fields. A move without requirements still opens, for an optional note.
 */
export function StageMoveDialog<S extends string>({
  pipeline,
  from,
  to,
  dates = {},
  renderField,
  toInput,
  onSubmit,
  onClose,
}: StageMoveDialogProps<S>) {
  const { t } = useI18n();
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { nameOf, names, custom } = usePositionNames(pipeline.key);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [pending, setPending] = useState(false);
  const requirements = to.stage === from.stage ? [] : pipeline.requirementsOf(to.stage);

  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    const input = moveInputOf(values, to, toInput);
    const problems = checkMove({
      pipeline,
      custom,
      from,
      to,
      role: me.role,
      input,
      dates,
      today: chinaToday(),
      names: names(pipeline.stages),
    });
    if (problems.length > 0) return setError(showMoveProblems(form, problems));
    setPending(true);
    try {
      await onSubmit(input);
      message.success(t('pipeline.moved', { to: nameOf(to) }));
      onClose();
    } catch (e) {
      setError(showSubmitError(form, e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open
      title={t('pipeline.moveTitle', { from: nameOf(from), to: nameOf(to) })}
      onCancel={onClose}
      okText={t('pipeline.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      okButtonProps={{ disabled: uploading, id: 'stage-move-ok' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {requirements.map((req) => (
          <RequirementField
            key={req.field}
            requirement={req}
            slot={renderField?.({ requirement: req, setUploading, setError })}
          />
        ))}
        <Form.Item name="note" label={t('pipeline.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The move's problems on their fields; those without a field, joined, for the alert (null when none). */
function showMoveProblems(form: FormInstance, problems: ReturnType<typeof checkMove>): string | null {
  const rest = showFieldProblems(
    form,
    problems.map((p) => ({ path: p.path, message: p.title ? `${p.title}。${p.message}` : p.message })),
  );
  return rest.length > 0 ? rest.map((p) => p.message).join('；') : null;
}

/** signedOn → signed-on, for test ids. */
function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function RequirementField({ requirement: req, slot }: { requirement: Requirement; slot: ReactNode }) {
  const { lang } = useI18n();
  const label = lang === 'en' ? req.label.en : req.label.zh;
  if (req.kind === 'file' || req.kind === 'custom') return <>{slot}</>;
  if (req.kind === 'date') {
    const today = dayjs(chinaToday());
    return (
      <Form.Item name={req.field} label={label} required>
        <DatePicker
          style={{ width: '100%' }}
          data-testid={`move-${kebab(req.field)}`}
          disabledDate={req.isNotFuture ? (d) => d.isAfter(today, 'day') : undefined}
        />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={req.field} label={label} required>
      <Input.TextArea rows={2} maxLength={req.maxLength} data-testid={`move-${kebab(req.field)}`} />
    </Form.Item>
  );
}
