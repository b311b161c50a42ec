import { translateMessage } from '@gaodi/contracts';
import { Badge, Button, Flex, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { storedReasonText } from '../supervision/light-tag.tsx';
import { useMarkAllRead, useMarkRead, useNotifications } from './use-notifications.ts';

/** The in-app inbox: escalations and reminders; opening one marks it read and goes to its record. */
export function InboxPage() {
  const { lang } = useI18n();
  const en = lang === 'en';
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [isUnread, setIsUnread] = useState(true);
  const list = useNotifications(page, isUnread);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const title = en ? 'Inbox' : '消息';
  return (
    <Page
      title={title}
      crumbs={[{ title }]}
      testId="inbox"
      extra={
        <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
          {en ? 'Mark all read' : '全部标为已读'}
        </Button>
      }
    >
      <Panel>
        <Segmented
          style={{ marginBottom: 12 }}
          value={isUnread ? 'unread' : 'all'}
          onChange={(v) => {
            setIsUnread(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'unread', label: en ? 'Unread' : '未读' },
            { value: 'all', label: en ? 'All' : '全部' },
          ]}
        />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <List
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
            renderItem={(n) => (
              <List.Item
                data-testid="inbox-item"
                style={{ cursor: 'pointer' }}
                onClick={async () => {
                  if (!n.readAt) await markRead.mutateAsync(n.id);
                  if (n.link) navigate(n.link);
                }}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center">
                      {!n.readAt && <Badge status="processing" />}
                      <Typography.Text strong={!n.readAt}>{translateMessage(n.title, lang)}</Typography.Text>
                    </Flex>
                  }
                  description={
                    <>
                      <div>{storedReasonText(n.body, lang)}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt, lang)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Panel>
    </Page>
  );
}
