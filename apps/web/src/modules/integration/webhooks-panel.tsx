import {
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  type Webhook,
  type WebhookDelivery,
  type WebhookEvent,
} from '@gaodi/contracts';
import {
  App,
  Button,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { useAllowList, useDeliveries, useWebhookActions, useWebhooks } from './use-integration.ts';

/** The delivery log of one subscription: each delivery's attempts with the receiver's answer. */
function DeliveryLog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const deliveries = useDeliveries(id);
  const { redeliver } = useWebhookActions();
  const columns = [
    { title: t('integration.events'), dataIndex: 'event' },
    { title: t('integration.status'), dataIndex: 'status', render: (s: string) => <Tag>{s}</Tag> },
    {
      title: t('integration.deliveries'),
      dataIndex: 'log',
      render: (log: WebhookDelivery['log']) =>
        log.map((l) => (
          <div key={`${l.attempt}-${l.at}`}>
            {t('integration.attempt', { n: l.attempt })} {l.outcome} {l.status ?? ''}{' '}
            <Typography.Text type="secondary">{l.detail?.slice(0, 120)}</Typography.Text>
          </div>
        )),
    },
    {
      key: 'redeliver',
      render: (_: unknown, d: WebhookDelivery) => (
        <Button
          size="small"
          onClick={() => redeliver.mutate(d.id, { onSuccess: () => deliveries.refetch() })}
        >
          {t('integration.redeliver')}
        </Button>
      ),
    },
  ];
  return (
    <Drawer open={id !== null} onClose={onClose} width={900} title={t('integration.deliveries')}>
      <Table
        rowKey="id"
        size="small"
        loading={deliveries.isLoading}
        dataSource={deliveries.data ?? []}
        columns={columns}
      />
    </Drawer>
  );
}

function AllowList() {
  const { t } = useI18n();
  const allow = useAllowList();
  const { saveAllowList } = useWebhookActions();
  const [hosts, setHosts] = useState<string[]>([]);
  useEffect(() => setHosts(allow.data?.hosts ?? []), [allow.data]);
  return (
    <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
      <span title={t('integration.allowListHint')}>{t('integration.allowList')}</span>
      <Select mode="tags" value={hosts} onChange={setHosts} style={{ minWidth: 320 }} />
      <Button onClick={() => saveAllowList.mutate(hosts)} loading={saveAllowList.isPending}>
        {t('integration.save')}
      </Button>
    </Flex>
  );
}

/** The subscriptions table's columns: the log opens in a drawer, cancelling asks first. */
function useWebhookColumns(onLog: (id: string) => void, onRemove: (id: string) => void) {
  const { t, lang } = useI18n();
  const columns = [
    { title: t('integration.url'), dataIndex: 'url' },
    {
      title: t('integration.events'),
      dataIndex: 'events',
      render: (e: WebhookEvent[]) => e.map((x) => <Tag key={x}>{WEBHOOK_EVENT_LABELS[x][lang]}</Tag>),
    },
    {
      key: 'actions',
      render: (_: unknown, w: Webhook) => (
        <Flex gap={8}>
          <Button size="small" onClick={() => onLog(w.id)}>
            {t('integration.deliveries')}
          </Button>
          <Popconfirm title={t('integration.unsubscribe')} onConfirm={() => onRemove(w.id)}>
            <Button size="small" danger>
              {t('integration.unsubscribe')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return columns;
}

/** Webhook subscriptions: create (the signing secret shown once), cancel, read the delivery log. */
export function WebhooksPanel() {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const hooks = useWebhooks();
  const { create, remove } = useWebhookActions();
  const [isOpen, setIsOpen] = useState(false);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [form] = Form.useForm<{ url: string; events: WebhookEvent[] }>();
  const submit = async (v: { url: string; events: WebhookEvent[] }) => {
    const answer = await create.mutateAsync(v);
    setIsOpen(false);
    form.resetFields();
    modal.success({
      title: t('integration.webhookCreated'),
      content: (
        <Typography.Text copyable code>
          {answer.secret}
        </Typography.Text>
      ),
    });
  };
  const columns = useWebhookColumns(setLogOf, (id) => remove.mutate(id));
  return (
    <>
      <AllowList />
      <Button type="primary" onClick={() => setIsOpen(true)} style={{ marginBottom: 12 }}>
        {t('integration.newWebhook')}
      </Button>
      <Table
        rowKey="id"
        size="small"
        loading={hooks.isLoading}
        dataSource={hooks.data ?? []}
        columns={columns}
        pagination={false}
      />
      <Modal
        open={isOpen}
        title={t('integration.newWebhook')}
        onCancel={() => setIsOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="url" label={t('integration.url')} rules={[{ required: true }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="events" label={t('integration.events')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: WEBHOOK_EVENT_LABELS[e][lang] }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <DeliveryLog id={logOf} onClose={() => setLogOf(null)} />
    </>
  );
}
