import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { MeetingFormDialog } from './meeting-forms.tsx';
import { downloadDecisionLedger, useMeetings } from './use-roundtable.ts';

/** 圆桌会议: upcoming and past meetings as cards (a leader reads them on a phone), newest first. */
export function MeetingsPage() {
  const { t } = useI18n();
  const can = useCan();
  const meetings = useMeetings();
  const [creating, setCreating] = useState(false);
  if (meetings.isError) return <QueryError error={meetings.error} onRetry={() => meetings.refetch()} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }} data-testid="meetings-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('mt.meetings')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Link to="/roundtable/decisions">
            <Button>{t('mt.decisionsNav')}</Button>
          </Link>
          {can('roundtable', 'export') && (
            <Button onClick={() => downloadDecisionLedger()}>{t('mt.ledger')}</Button>
          )}
          {can('roundtable', 'create') && (
            <Button type="primary" data-testid="meeting-new" onClick={() => setCreating(true)}>
              {t('mt.new')}
            </Button>
          )}
        </Flex>
      </Flex>
      <List
        loading={meetings.isPending}
        dataSource={meetings.data ?? []}
        locale={{ emptyText: <Empty description={t('mt.none')} /> }}
        renderItem={(m) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="meeting-row">
            <Flex vertical gap={4}>
              <Flex gap={6} align="center" wrap>
                <Link to={`/roundtable/${m.id}`}>
                  <Typography.Text strong>{m.title}</Typography.Text>
                </Link>
                <Tag color={m.status === 'held' ? 'green' : 'blue'}>
                  {t(m.status === 'held' ? 'mt.held' : 'mt.planned')}
                </Tag>
              </Flex>
              <Typography.Text type="secondary">
                {m.heldOn} {m.startsAt} · {m.place} · {t('mt.chair')}：{m.chairName}
              </Typography.Text>
              <Typography.Text>
                {t('mt.items', { n: m.items })} · {t('mt.openDecisions', { n: m.openDecisions })}
              </Typography.Text>
            </Flex>
          </Card>
        )}
      />
      {creating && <MeetingFormDialog onClose={() => setCreating(false)} />}
    </Flex>
  );
}
