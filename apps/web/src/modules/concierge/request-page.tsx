import {
  SERVICE_KIND_LABELS,
  SERVICE_REQUEST_STAGE_LABELS,
  type ServiceRequestStage,
  serviceRequestPipeline,
} from '@gaodi/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Rate,
  Select,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { StageMoveDialog } from '../pipelines/stage-move-dialog.tsx';
import { LightTag } from '../supervision/light-tag.tsx';
import { useHelpers, useRequestActions, useServiceRequest } from './use-concierge.ts';

const pipeline = { ...serviceRequestPipeline, key: 'service_request' as const };
const BUREAU = ['staff', 'taskforce_lead', 'helper', 'leader'];

/** One request on a phone-sized page: where it is, its timeline, and what the reader may do next. */
export function RequestPage() {
  const { id = '' } = useParams();
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const me = useSession();
  const { message } = App.useApp();
  const request = useServiceRequest(id);
  const actions = useRequestActions(id);
  const isBureau = BUREAU.includes(me.role);
  const helpers = useHelpers(isBureau);
  const [moving, setMoving] = useState<ServiceRequestStage | null>(null);
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  const r = request.data;
  if (!r) return <Card loading={request.isPending} />;
  const targets = serviceRequestPipeline.moves[r.stage].filter(
    (s) => s !== 'rated' && (isBureau || s === 'withdrawn'),
  );
  const canHandle = isBureau && (me.role !== 'helper' || r.helperId === me.id);
  const pending = r.transfers.find((t) => t.status === 'pending');
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {r.title}
      </Typography.Title>
      <Flex gap={6} wrap>
        <Tag color="blue">{SERVICE_REQUEST_STAGE_LABELS[r.stage][zh ? 'zh' : 'en']}</Tag>
        {r.lightState.light !== 'none' && <LightTag light={r.lightState} lang={lang} />}
        {r.isOverdue && <Tag color="red">{zh ? '逾期' : 'Overdue'}</Tag>}
        {r.isGreenChannel && <Tag color="green">{zh ? '绿色通道' : 'Green channel'}</Tag>}
      </Flex>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={zh ? '编号' : 'Number'}>{r.number}</Descriptions.Item>
        <Descriptions.Item label={zh ? '类别' : 'Kind'}>
          {SERVICE_KIND_LABELS[r.kind][zh ? 'zh' : 'en']}
        </Descriptions.Item>
        <Descriptions.Item label={zh ? '诉求人' : 'Requester'}>
          {r.requesterName} {r.contactPhone}
        </Descriptions.Item>
        <Descriptions.Item label={zh ? '帮办专员' : 'Helper'}>
          {r.helperName ?? (zh ? '待分派' : 'Unassigned')}
        </Descriptions.Item>
        <Descriptions.Item label={zh ? '受理时限' : 'Accept by'}>{r.acceptDueOn}</Descriptions.Item>
        <Descriptions.Item label={zh ? '办结时限' : 'Resolve by'}>{r.resolveDueOn}</Descriptions.Item>
        <Descriptions.Item label={zh ? '诉求内容' : 'Description'}>{r.description}</Descriptions.Item>
        {r.resolution && (
          <Descriptions.Item label={zh ? '办理结果' : 'Resolution'}>{r.resolution}</Descriptions.Item>
        )}
        {r.rating && (
          <Descriptions.Item label={zh ? '评价' : 'Rating'}>
            <Rate disabled value={r.rating} /> {r.ratingComment}
          </Descriptions.Item>
        )}
      </Descriptions>
      {(canHandle || r.isRequester) && targets.length > 0 && (
        <Flex gap={8} wrap>
          {targets.map((s) => (
            <Button
              key={s}
              onClick={() => setMoving(s)}
              type={s === 'withdrawn' || s === 'returned' ? 'default' : 'primary'}
            >
              {SERVICE_REQUEST_STAGE_LABELS[s][zh ? 'zh' : 'en']}
            </Button>
          ))}
        </Flex>
      )}
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
      <Card size="small" title={zh ? '办理记录' : 'Timeline'}>
        <Timeline
          items={r.timeline.map((e) => ({
            key: e.id,
            children: `${new Date(e.at).toLocaleString(zh ? 'zh-CN' : 'en-GB')} ${e.actorName}：${e.text}`,
          }))}
        />
        {canHandle && (
          <Input.Search
            enterButton={zh ? '记录' : 'Add'}
            placeholder={zh ? '办理记录（电话、走访…）' : 'Progress note'}
            onSearch={(text) => text.trim() && run(actions.note.mutateAsync(text.trim()))}
          />
        )}
      </Card>
      {moving && (
        <StageMoveDialog
          pipeline={pipeline}
          from={{ stage: r.stage, subStage: r.subStage }}
          to={{ stage: moving, subStage: null }}
          onSubmit={(input) => actions.stage.mutateAsync(input as never)}
          onClose={() => setMoving(null)}
        />
      )}
    </Flex>
  );
}
