import {
  AgendaDecisionInput,
  type AgendaProposal,
  AgendaProposalInput,
  type SupervisedItemType,
} from '@gaodi/contracts';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { storedReasonText } from './light-tag.tsx';
import { useDecideProposal, useProposeItem } from './use-proposals.ts';

/** A leader's decision on one proposal: 列入圆桌议程 (note optional) or 暂不列入 (note required). */
export function DecisionDialog({
  proposal,
  decision,
  onClose,
}: {
  proposal: AgendaProposal;
  decision: AgendaDecisionInput['decision'];
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const decide = useDecideProposal();
  const [form] = Form.useForm<{ note?: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const isDismiss = decision === 'dismissed';
  const submit = async () => {
    setProblem(null);
    const input = checkWithSchema(form, AgendaDecisionInput, {
      decision,
      note: form.getFieldValue('note') ?? '',
    });
    if (!input) return;
    try {
      await decide.mutateAsync({ id: proposal.id, ...input });
      message.success(isDismiss ? t('rt.dismissed') : t('rt.accepted'));
      onClose();
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <Modal
      open
      title={`${isDismiss ? t('rt.dismiss') : t('rt.accept')}${lang === 'en' ? ': ' : '：'}${proposal.title}`}
      okText={isDismiss ? t('rt.dismiss') : t('rt.accept')}
      okButtonProps={{ loading: decide.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{storedReasonText(proposal.reason, lang)}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('rt.note')} required={isDismiss}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={isDismiss ? t('rt.noteRequired') : undefined}
            data-testid="decision-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Puts a red item on a round-table agenda from its page (a leader's request is the decision). */
export function ProposeDialog({
  itemType,
  itemId,
  title,
  isLeader,
  onClose,
}: {
  itemType: SupervisedItemType;
  itemId: string;
  title: string;
  isLeader: boolean;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const propose = useProposeItem();
  const [form] = Form.useForm<{ note?: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const label = isLeader ? t('rt.accept') : t('rt.propose');
  const submit = async () => {
    setProblem(null);
    const input = checkWithSchema(form, AgendaProposalInput, {
      itemType,
      itemId,
      note: form.getFieldValue('note') ?? '',
    });
    if (!input) return;
    try {
      await propose.mutateAsync(input);
      message.success(isLeader ? t('rt.accepted') : t('rt.proposedOk'));
      onClose();
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <Modal
      open
      title={`${label}${lang === 'en' ? ': ' : '：'}${title}`}
      okText={label}
      okButtonProps={{ loading: propose.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('rt.reason')} extra={t('rt.proposeHint')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
