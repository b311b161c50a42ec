import { OUTPUT_KIND_LABELS, type Project } from '@gaodi/contracts';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { optionsOf } from '../matchmaking/matchmaking-labels.tsx';
import { useHelpers, useProjectActions } from './use-projects.ts';

/** What a project's small dialog records: a helper hand-over, a ledger entry, a milestone, an output. */
export type ProjectDialogKind = 'helper' | 'entry' | 'milestone' | 'output';

const day = (d: Dayjs | undefined | null) => d?.format('YYYY-MM-DD');

/** The dialog of one kind: its fields, and the action it calls on save. */
export function ProjectRecordDialog({
  project,
  kind,
  onClose,
}: {
  project: Project;
  kind: ProjectDialogKind;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const actions = useProjectActions(project.id);
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const v = form.getFieldsValue();
    try {
      if (kind === 'helper')
        await actions.helper.mutateAsync({ helperId: v.helperId, reason: v.reason ?? '' });
      else if (kind === 'entry')
        await actions.entry.mutateAsync({
          content: v.content ?? '',
          on: day(v.on) ?? '',
          nextDate: day(v.nextDate) ?? null,
        });
      else if (kind === 'milestone')
        await actions.milestone.mutateAsync({
          title: v.title ?? '',
          dueOn: day(v.dueOn) ?? '',
          doneOn: null,
        });
      else
        await actions.output.mutateAsync({
          kind: v.kind,
          title: v.title ?? '',
          amountFen: v.amountWan ? Math.round(v.amountWan * 1_000_000) : null,
          recordedOn: day(v.recordedOn) ?? '',
        });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <Modal open title={t(`proj.dialog.${kind}`)} onCancel={onClose} onOk={submit}>
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ contractNo: project.contractNo, on: dayjs(), kind: 'patent' }}
      >
        <DialogFields kind={kind} />
      </Form>
    </Modal>
  );
}

function DialogFields({ kind }: { kind: ProjectDialogKind }) {
  const { t, lang } = useI18n();
  // Only the helper dialog needs the county's helpers (listed to project editors only).
  const helpers = useHelpers(kind === 'helper');
  const dateInput = <DatePicker style={{ width: '100%' }} />;
  if (kind === 'helper')
    return (
      <>
        <Form.Item name="reason" label={t('proj.reason')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="helperId" label={t('proj.helper')} required>
          <Select options={(helpers.data ?? []).map((h) => ({ value: h.id, label: h.name }))} />
        </Form.Item>
      </>
    );
  if (kind === 'entry')
    return (
      <>
        <Form.Item name="on" label={t('proj.entryOn')} required>
          {dateInput}
        </Form.Item>
        <Form.Item name="content" label={t('proj.entryContent')} required>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="nextDate" label={t('proj.nextDate')}>
          {dateInput}
        </Form.Item>
      </>
    );
  if (kind === 'milestone')
    return (
      <>
        <Form.Item name="title" label={t('proj.milestone')} required>
          <Input />
        </Form.Item>
        <Form.Item name="dueOn" label={t('proj.dueOn')} required>
          {dateInput}
        </Form.Item>
      </>
    );
  return (
    <>
      <Form.Item name="kind" label={t('proj.outputKind')}>
        <Select options={optionsOf(OUTPUT_KIND_LABELS, lang)} />
      </Form.Item>
      <Form.Item name="title" label={t('proj.outputTitle')} required>
        <Input />
      </Form.Item>
      <Form.Item name="amountWan" label={t('proj.amountWan')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="recordedOn" label={t('proj.recordedOn')} required>
        {dateInput}
      </Form.Item>
    </>
  );
}
