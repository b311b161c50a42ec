import type { ServiceRequest } from '@gaodi/contracts';
import { App, Button, Card, Flex, Form, Input, Rate, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { useHelpers, useRequestActions } from './use-concierge.ts';

const BUREAU = ['staff', 'taskforce_lead', 'helper', 'leader'];

/** Runs a write and shows its refusal as a message. */
function useRun() {
  const { message } = App.useApp();
  return async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error) {
      message.error((error as Error).message);
    }
  };
}

/** The requester rates a resolved request (1–5, a comment). */
export function RatingCard({ request: r }: { request: ServiceRequest }) {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const actions = useRequestActions(r.id);
  const run = useRun();
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  return (
    <>
      {r.isRequester && r.stage === 'resolved' && (
        <Card size="small" title={zh ? '评价办理结果' : 'Rate the result'}>
          <Flex vertical gap={8}>
            <Rate value={rating} onChange={setRating} />
            <Input.TextArea
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={zh ? '评价意见（选填）' : 'Comment (optional)'}
            />
            <Button
              type="primary"
              loading={actions.rate.isPending}
              onClick={() => run(actions.rate.mutateAsync({ rating, comment }))}
            >
              {zh ? '提交评价' : 'Submit rating'}
            </Button>
          </Flex>
        </Card>
      )}
    </>
  );
}

/** Assigning a helper (the dispatcher), asking to transfer (the helper), approving it (a lead). */
export function TransferPanel({ request: r, canHandle }: { request: ServiceRequest; canHandle: boolean }) {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const me = useSession();
  const isBureau = BUREAU.includes(me.role);
  const helpers = useHelpers(isBureau);
  const actions = useRequestActions(r.id);
  const run = useRun();
  const [note, setNote] = useState('');
  const pending = r.transfers.find((t) => t.status === 'pending');
  return (
    <>
      {isBureau && me.role !== 'helper' && !r.helperId && (
        <Select
          placeholder={zh ? '分派帮办专员' : 'Assign a helper'}
          options={(helpers.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
          onChange={(v: string) => run(actions.assign.mutateAsync(v))}
        />
      )}
      {canHandle && r.helperId && !pending && ['submitted', 'accepted', 'in_progress'].includes(r.stage) && (
        <Form
          layout="inline"
          onFinish={(v: { toHelperId: string; reason: string }) => run(actions.transfer.mutateAsync(v))}
        >
          <Form.Item name="toHelperId" rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 140 }}
              placeholder={zh ? '转办给' : 'Transfer to'}
              options={(helpers.data ?? [])
                .filter((h) => h.id !== r.helperId)
                .map((h) => ({ value: h.id, label: h.name }))}
            />
          </Form.Item>
          <Form.Item name="reason" rules={[{ required: true }]}>
            <Input placeholder={zh ? '转办理由' : 'Reason'} />
          </Form.Item>
          <Button htmlType="submit">{zh ? '申请转办' : 'Ask to transfer'}</Button>
        </Form>
      )}
      {pending && (me.role === 'taskforce_lead' || me.role === 'leader') && (
        <Card
          size="small"
          title={`${zh ? '转办待审批' : 'Transfer waiting'}：${pending.toHelperName}（${pending.reason}）`}
        >
          <Flex gap={8}>
            <Button
              type="primary"
              onClick={() =>
                run(actions.decide.mutateAsync({ transferId: pending.id, decision: 'approved', note: '' }))
              }
            >
              {zh ? '同意' : 'Approve'}
            </Button>
            <Input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={zh ? '不同意的原因' : 'Reason to refuse'}
            />
            <Button
              danger
              onClick={() =>
                run(actions.decide.mutateAsync({ transferId: pending.id, decision: 'refused', note }))
              }
            >
              {zh ? '不同意' : 'Refuse'}
            </Button>
          </Flex>
        </Card>
      )}
    </>
  );
}
