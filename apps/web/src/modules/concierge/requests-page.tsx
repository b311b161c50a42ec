import {
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  SERVICE_REQUEST_STAGE_LABELS,
  type ServiceRequestSummary,
} from '@gaodi/contracts';
import {
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Segmented,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { LightTag } from '../supervision/light-tag.tsx';
import { useCreateServiceRequest, useServiceRequests } from './use-concierge.ts';

type View = 'all' | 'mine' | 'overdue' | 'unassigned';

/** A requester sees their own; the bureau also all, the overdue list and the dispatcher's queue. */
function viewsFor(isRequester: boolean, zh: boolean): { value: View; label: string }[] {
  const mine = { value: 'mine' as View, label: zh ? '我的诉求' : 'Mine' };
  if (isRequester) return [mine];
  return [
    mine,
    { value: 'all', label: zh ? '全部' : 'All' },
    { value: 'overdue', label: zh ? '逾期' : 'Overdue' },
    { value: 'unassigned', label: zh ? '待分派' : 'Unassigned' },
  ];
}

/** 帮办诉求: the helper's own requests, the overdue list, the unassigned queue; a phone-sized list. */
export function RequestsPage() {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const me = useSession();
  const can = useCan();
  const isRequester = me.role === 'enterprise' || me.role === 'institute';
  const [view, setView] = useState<View>(me.role === 'helper' || isRequester ? 'mine' : 'all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useServiceRequests({ view, page, pageSize: 20 });
  const views = viewsFor(isRequester, zh);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {zh ? '帮办诉求' : 'Service requests'}
        </Typography.Title>
        {can('service_request', 'create') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {zh ? '提交诉求' : 'Raise a request'}
          </Button>
        )}
      </Flex>
      <Segmented<View>
        options={views}
        value={view}
        onChange={(v) => {
          setView(v);
          setPage(1);
        }}
      />
      <List<ServiceRequestSummary>
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          total: list.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          size: 'small',
        }}
        renderItem={(r) => (
          <List.Item key={r.id}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex vertical gap={4}>
                <Flex justify="space-between" gap={8} wrap>
                  <Link to={`/concierge/${r.id}`}>{r.title}</Link>
                  <Flex gap={4}>
                    <Tag color="blue">{SERVICE_REQUEST_STAGE_LABELS[r.stage][zh ? 'zh' : 'en']}</Tag>
                    {r.light !== 'none' && <LightTag light={{ light: r.light }} lang={lang} compact />}
                    {r.isOverdue && <Tag color="red">{zh ? '逾期' : 'Overdue'}</Tag>}
                  </Flex>
                </Flex>
                <Typography.Text type="secondary">
                  {r.number} · {SERVICE_KIND_LABELS[r.kind][zh ? 'zh' : 'en']} · {r.requesterName}
                  {r.helperName ? ` · ${zh ? '帮办' : 'Helper'} ${r.helperName}` : ''}
                  {r.stage === 'submitted' && r.acceptDueOn
                    ? ` · ${zh ? '受理时限' : 'Accept by'} ${r.acceptDueOn}`
                    : ''}
                  {(r.stage === 'accepted' || r.stage === 'in_progress') && r.resolveDueOn
                    ? ` · ${zh ? '办结时限' : 'Resolve by'} ${r.resolveDueOn}`
                    : ''}
                </Typography.Text>
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <NewRequestDrawer open={open} onClose={() => setOpen(false)} isRequester={isRequester} />
    </Flex>
  );
}

function NewRequestDrawer({
  open,
  onClose,
  isRequester,
}: {
  open: boolean;
  onClose: () => void;
  isRequester: boolean;
}) {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useCreateServiceRequest();
  const navigate = useNavigate();
  // One key per opened form: a double click or a retry creates one request.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const submit = async (values: Record<string, unknown>) => {
    try {
      const created = await create.mutateAsync({ ...(values as object), idempotencyKey: key } as never);
      setKey(crypto.randomUUID());
      form.resetFields();
      onClose();
      navigate(`/concierge/${created.id}`);
    } catch (error) {
      const problem = showSubmitError(form, error);
      if (problem) message.error(problem);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={zh ? '提交诉求' : 'Raise a request'}
      width="min(100vw, 480px)"
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'policy', isGreenChannel: false }}
      >
        <Form.Item name="title" label={zh ? '标题' : 'Title'} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={zh ? '类别' : 'Kind'}>
          <Select
            options={SERVICE_KINDS.map((k) => ({
              value: k,
              label: SERVICE_KIND_LABELS[k][zh ? 'zh' : 'en'],
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={zh ? '诉求内容' : 'Description'} rules={[{ required: true }]}>
          <Input.TextArea rows={5} maxLength={2000} />
        </Form.Item>
        {!isRequester && (
          <Form.Item name="requesterName" label={zh ? '诉求人（代为提交）' : 'Requester (on behalf)'}>
            <Input maxLength={50} />
          </Form.Item>
        )}
        <Form.Item name="contactPhone" label={zh ? '联系电话' : 'Phone'}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        {!isRequester && (
          <Form.Item name="isGreenChannel" label={zh ? '绿色通道' : 'Green channel'} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending} block>
          {zh ? '提交' : 'Submit'}
        </Button>
      </Form>
    </Drawer>
  );
}
