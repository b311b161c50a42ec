import {
  SERVICE_KIND_LABELS,
  SERVICE_REQUEST_STAGE_LABELS,
  type ServiceRequest,
  type ServiceRequestStage,
  serviceRequestPipeline,
} from '@gaodi/contracts';
import { App, Button, Card, Descriptions, Flex, Input, Rate, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { StageMoveDialog } from '../pipelines/stage-move-dialog.tsx';
import { LightTag } from '../supervision/light-tag.tsx';
import { HandoffPanel } from './handoff-panel.tsx';
import { RatingCard, TransferPanel } from './request-actions.tsx';
import { useRequestActions, useServiceRequest } from './use-concierge.ts';

const pipeline = { ...serviceRequestPipeline, key: 'service_request' as const };
const BUREAU = ['staff', 'taskforce_lead', 'helper', 'leader'];

/** What the request is: number, kind, requester (phone masked unless the reader owns it), helper, due days. */
function RequestFacts({ request: r }: { request: ServiceRequest }) {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  return (
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
  );
}

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
  const [moving, setMoving] = useState<ServiceRequestStage | null>(null);
  const r = request.data;
  if (!r) return <Card loading={request.isPending} />;
  const targets = serviceRequestPipeline.moves[r.stage].filter(
    (s) => s !== 'rated' && (isBureau || s === 'withdrawn'),
  );
  const canHandle = isBureau && (me.role !== 'helper' || r.helperId === me.id);
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
      <RequestFacts request={r} />
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
      <RatingCard request={r} />
      <TransferPanel request={r} canHandle={canHandle} />
      <HandoffPanel request={r} canHandle={canHandle} />
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
