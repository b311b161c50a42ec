import { HandoffAnswerInput, HandoffInput, type ServiceRequest } from '@gaodi/contracts';
import { App, Button, Card, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useRequestActions } from './use-concierge.ts';

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

type Dialog = { kind: 'send' } | { kind: 'answer'; handoffId: string; department: string };

/** The dialog for sending a hand-off (department, date, question) or recording its answer. */
function HandoffDialog({
  request,
  dialog,
  onClose,
}: {
  request: ServiceRequest;
  dialog: Dialog;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const actions = useRequestActions(request.id);
  const isSend = dialog.kind === 'send';
  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (dialog.kind === 'send') {
        const body = checkWithSchema(form, HandoffInput, values);
        if (body) await actions.handoff.mutateAsync(body);
        else return;
      } else {
        const body = checkWithSchema(form, HandoffAnswerInput, values);
        if (body) await actions.answer.mutateAsync({ handoffId: dialog.handoffId, ...body });
        else return;
      }
      onClose();
    } catch (error) {
      const problem = showSubmitError(form, error);
      if (problem) message.error(problem);
    }
  };
  return (
    <Modal
      open
      title={
        isSend
          ? t('ct.handoffAdd')
          : `${t('ct.answerAdd')}：${dialog.kind === 'answer' ? dialog.department : ''}`
      }
      onOk={submit}
      onCancel={onClose}
      confirmLoading={actions.handoff.isPending || actions.answer.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={isSend ? { sentOn: chinaToday() } : { answeredOn: chinaToday() }}
      >
        {isSend ? (
          <>
            <Form.Item name="department" label={t('ct.department')} rules={[{ required: true }]}>
              <Input data-testid="handoff-department" maxLength={40} placeholder="自然资源局" />
            </Form.Item>
            <Form.Item name="sentOn" label={t('ct.sentOn')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="question" label={t('ct.question')} rules={[{ required: true }]}>
              <Input.TextArea data-testid="handoff-question" rows={3} maxLength={1000} />
            </Form.Item>
            <Typography.Text type="secondary">{t('ct.clockRuns')}</Typography.Text>
          </>
        ) : (
          <>
            <Form.Item name="answer" label={t('ct.answer')} rules={[{ required: true }]}>
              <Input.TextArea data-testid="handoff-answer" rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="answeredOn" label={t('ct.answeredOn')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 部门协办: the departments a request was sent to, when, and their answers; the clock keeps running. */
export function HandoffPanel({ request, canHandle }: { request: ServiceRequest; canHandle: boolean }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const isOpen = ['submitted', 'accepted', 'in_progress'].includes(request.stage);
  if (request.handoffs.length === 0 && !(canHandle && isOpen)) return null;
  return (
    <Card
      size="small"
      title={t('ct.handoffs')}
      data-testid="handoffs"
      extra={
        canHandle &&
        isOpen && (
          <Button size="small" data-testid="handoff-add" onClick={() => setDialog({ kind: 'send' })}>
            {t('ct.handoffAdd')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        {request.handoffs.map((h) => (
          <Flex key={h.id} vertical gap={2} data-testid="handoff-row">
            <Flex gap={6} align="center" wrap>
              <Typography.Text strong>{h.department}</Typography.Text>
              <Typography.Text type="secondary">
                {t('ct.sentOn')} {h.sentOn}
              </Typography.Text>
              {!h.answeredOn && <Tag color="orange">{t('ct.waiting')}</Tag>}
            </Flex>
            <Typography.Text>{h.question}</Typography.Text>
            {h.answeredOn ? (
              <Typography.Text type="success">
                {t('ct.answer')}（{h.answeredOn}）：{h.answer}
              </Typography.Text>
            ) : (
              canHandle && (
                <Button
                  size="small"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setDialog({ kind: 'answer', handoffId: h.id, department: h.department })}
                >
                  {t('ct.answerAdd')}
                </Button>
              )
            )}
          </Flex>
        ))}
      </Flex>
      {dialog && <HandoffDialog request={request} dialog={dialog} onClose={() => setDialog(null)} />}
    </Card>
  );
}
