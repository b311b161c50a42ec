import type { IncubateeDetail } from '@gaodi/contracts';
import { Button, DatePicker, Drawer, Empty, Flex, Form, Input, List, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { useCreateServiceRequest } from '../concierge/use-concierge.ts';
import { useIncubateeActions } from './use-incubation.ts';

type Visit = IncubateeDetail['visits'][number];

/** 走访记录: date, who, notes, problems; a visit's problems become a 帮办诉求 (once: the visit's id is its key). */
export function VisitsPanel({ incubatee: n }: { incubatee: IncubateeDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const [isAdding, setIsAdding] = useState(false);
  const [raising, setRaising] = useState<Visit | null>(null);
  return (
    <>
      <Flex justify="space-between" align="center">
        <h3>{t('inc.visits')}</h3>
        {can('incubation', 'update') && (
          <Button onClick={() => setIsAdding(true)} data-testid="visit-add">
            {t('inc.addVisit')}
          </Button>
        )}
      </Flex>
      {n.visits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <List<Visit>
          dataSource={n.visits}
          data-testid="visits"
          renderItem={(v) => (
            <List.Item
              key={v.id}
              extra={
                v.serviceRequestId ? (
                  <Link to={`/concierge/${v.serviceRequestId}`}>
                    {t('inc.requestRaised', { number: v.serviceRequestNumber ?? '' })}
                  </Link>
                ) : (
                  v.problems &&
                  can('service_request', 'create') && (
                    <Button size="small" onClick={() => setRaising(v)} data-testid="visit-raise">
                      {t('inc.raiseRequest')}
                    </Button>
                  )
                )
              }
            >
              <List.Item.Meta
                title={`${v.on} · ${v.visitor}`}
                description={
                  <>
                    {v.notes && <div>{v.notes}</div>}
                    {v.problems && (
                      <Typography.Text type="warning">
                        {t('inc.problems')}：{v.problems}
                      </Typography.Text>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {isAdding && <VisitDialog id={n.id} onClose={() => setIsAdding(false)} />}
      {raising && <RaiseRequestDrawer incubatee={n} visit={raising} onClose={() => setRaising(null)} />}
    </>
  );
}

function VisitDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { visit } = useIncubateeActions(id);
  const submit = async (v: { on: Dayjs; visitor: string; notes?: string; problems?: string }) => {
    try {
      await visit.mutateAsync({
        ...v,
        on: v.on.format('YYYY-MM-DD'),
        notes: v.notes ?? '',
        problems: v.problems ?? '',
      });
      onClose();
    } catch (e) {
      showSubmitError(form, e);
    }
  };
  return (
    <Modal
      open
      title={t('inc.addVisit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={visit.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="on" label={t('inc.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="visitor" label={t('inc.visitor')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="notes" label={t('inc.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="problems" label={t('inc.problems')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="visit-problems" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The problems raised on a visit, as a service request of the concierge module about this incubatee. */
function RaiseRequestDrawer({
  incubatee: n,
  visit,
  onClose,
}: {
  incubatee: IncubateeDetail;
  visit: Visit;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const create = useCreateServiceRequest();
  const submit = async (v: { title: string; description: string; requesterName: string }) => {
    try {
      await create.mutateAsync({
        ...v,
        kind: 'other',
        subjectType: n.enterpriseId ? 'enterprise' : 'none',
        subjectId: n.enterpriseId,
        // The visit's id is the one-time key: the visit shows its request, and a second try finds it.
        idempotencyKey: visit.id,
      });
      onClose();
    } catch (e) {
      showSubmitError(form, e);
    }
  };
  return (
    <Drawer open title={t('inc.raiseRequest')} width="min(100vw, 480px)" onClose={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: t('inc.requestTitle', { name: n.name }),
          description: visit.problems,
          requesterName: n.contact || n.name,
        }}
      >
        <Form.Item name="title" label={t('inc.requestTitleLabel')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('inc.problems')} rules={[{ required: true }]}>
          <Input.TextArea rows={5} maxLength={2000} />
        </Form.Item>
        <Form.Item name="requesterName" label={t('inc.requester')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} block>
          {t('inc.raiseRequest')}
        </Button>
      </Form>
    </Drawer>
  );
}
