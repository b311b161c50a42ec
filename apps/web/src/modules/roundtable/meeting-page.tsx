import type { AgendaItem, Meeting } from '@gaodi/contracts';
import { App, Button, Card, Descriptions, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { itemTypeLabel } from '../supervision/proposal-labels.tsx';
import { DecisionCard } from './decision-card.tsx';
import { DecisionFormDialog } from './meeting-forms.tsx';
import { downloadMinutes, useMeeting, useMeetingActions } from './use-roundtable.ts';

/** Adds an agenda item: an accepted proposal (each once), or the chair's office's own item. */
function AgendaAdder({ meeting }: { meeting: Meeting }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const actions = useMeetingActions(meeting.id);
  const [title, setTitle] = useState('');
  const run = async (p: Promise<unknown>, after: () => void) => {
    try {
      await p;
      after();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Card size="small" title={t('mt.addProposal')}>
      <Flex vertical gap={8}>
        {meeting.availableProposals.map((p) => (
          <Flex key={p.id} gap={8} align="center" wrap data-testid="available-proposal">
            <Tag>{itemTypeLabel(p.itemType, lang)}</Tag>
            <Typography.Text style={{ flex: 1 }}>{p.title}</Typography.Text>
            <Button
              size="small"
              type="primary"
              data-testid="proposal-add"
              loading={actions.addItem.isPending}
              onClick={() => run(actions.addItem.mutateAsync({ proposalId: p.id }), () => {})}
            >
              {t('mt.fromProposal')}
            </Button>
          </Flex>
        ))}
        <Input.Search
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('mt.itemTitle')}
          enterButton={t('mt.addOwn')}
          onSearch={(v) =>
            v.trim() &&
            run(actions.addItem.mutateAsync({ title: v.trim(), description: '' }), () => setTitle(''))
          }
        />
      </Flex>
    </Card>
  );
}

function AgendaItemCard({
  item,
  meetingId,
  mayEdit,
}: {
  item: AgendaItem;
  meetingId: string;
  mayEdit: boolean;
}) {
  const { t, lang } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      data-testid="agenda-item"
      title={
        <Flex gap={6} align="center" wrap>
          <span>
            {item.position}. {item.title}
          </span>
          {item.sourceType && <Tag>{itemTypeLabel(item.sourceType, lang)}</Tag>}
        </Flex>
      }
      extra={
        mayEdit && (
          <Button size="small" data-testid="decision-add" onClick={() => setAdding(true)}>
            {t('mt.addDecision')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        {item.description && <Typography.Text type="secondary">{item.description}</Typography.Text>}
        {item.sourceLink && (
          <Link to={item.sourceLink}>
            {t('mt.source')}：{item.title}
          </Link>
        )}
        {item.decisions.map((d) => (
          <DecisionCard key={d.id} decision={d} />
        ))}
      </Flex>
      {adding && (
        <DecisionFormDialog meetingId={meetingId} itemId={item.id} onClose={() => setAdding(false)} />
      )}
    </Card>
  );
}

/** 圆桌会议: when and where, who chairs and attends, the agenda with its decisions, the minutes. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const meeting = useMeeting(id);
  const actions = useMeetingActions(id);
  if (meeting.isError) return <QueryError error={meeting.error} onRetry={() => meeting.refetch()} />;
  const m = meeting.data;
  if (!m) return <Card loading />;
  const mayEdit = can('roundtable', 'create');
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }} data-testid="meeting-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {m.title}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Tag color={m.status === 'held' ? 'green' : 'blue'} data-testid="meeting-status">
            {t(m.status === 'held' ? 'mt.held' : 'mt.planned')}
          </Tag>
          {mayEdit && m.status === 'planned' && (
            <Button
              data-testid="meeting-held"
              onClick={() => actions.held.mutateAsync().catch((e: Error) => message.error(e.message))}
            >
              {t('mt.markHeld')}
            </Button>
          )}
          {can('roundtable', 'export') && (
            <Button type="primary" data-testid="minutes-download" onClick={() => downloadMinutes(m.id)}>
              {t('mt.minutes')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('mt.heldOn')}>
          {m.heldOn} {m.startsAt}
        </Descriptions.Item>
        <Descriptions.Item label={t('mt.place')}>{m.place}</Descriptions.Item>
        <Descriptions.Item label={t('mt.chair')}>{m.chairName}</Descriptions.Item>
        <Descriptions.Item label={t('mt.attendees')}>
          {m.attendees.map((a) => a.name).join('、') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('mt.agenda')}
      </Typography.Title>
      {m.agenda.length === 0 && <Empty description={t('mt.noAgenda')} />}
      {m.agenda.map((item) => (
        <AgendaItemCard key={item.id} item={item} meetingId={m.id} mayEdit={mayEdit} />
      ))}
      {mayEdit && <AgendaAdder meeting={m} />}
    </Flex>
  );
}
