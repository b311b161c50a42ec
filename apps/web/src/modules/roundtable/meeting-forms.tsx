import { ATTENDEE_KIND_LABELS, ATTENDEE_KINDS, DecisionInput, MeetingInput } from '@gaodi/contracts';
import { App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { useCreateMeeting, useMeetingActions, usePeople } from './use-roundtable.ts';

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 安排会议: title, day and time, place, the chairing leader, attendees (departments, enterprises…). */
export function MeetingFormDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const me = useSession();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const people = usePeople();
  const create = useCreateMeeting();
  const navigate = useNavigate();
  const submit = async () => {
    const values = await form.validateFields();
    const body = checkWithSchema(form, MeetingInput, values);
    if (!body) return;
    try {
      const meeting = await create.mutateAsync(body);
      onClose();
      navigate(`/roundtable/${meeting.id}`);
    } catch (error) {
      const problem = showSubmitError(form, error);
      if (problem) message.error(problem);
    }
  };
  return (
    <Modal open title={t('mt.new')} onOk={submit} onCancel={onClose} confirmLoading={create.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          heldOn: chinaToday(),
          startsAt: '09:00',
          attendees: [],
          // A leader scheduling a meeting chairs it unless they pick another leader.
          chairId: me.role === 'leader' ? me.id : undefined,
        }}
      >
        <Form.Item name="title" label={t('mt.title')} rules={[{ required: true }]}>
          <Input data-testid="meeting-title" maxLength={100} />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="heldOn" label={t('mt.heldOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input type="date" data-testid="meeting-date" />
          </Form.Item>
          <Form.Item name="startsAt" label={t('mt.startsAt')} style={{ flex: 1 }}>
            <Input type="time" />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('mt.place')} rules={[{ required: true }]}>
          <Input data-testid="meeting-place" maxLength={100} />
        </Form.Item>
        <Form.Item name="chairId" label={t('mt.chair')} rules={[{ required: true }]}>
          <Select
            data-testid="meeting-chair"
            options={(people.data ?? [])
              .filter((p) => p.role === 'leader')
              .map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8}>
                  <Form.Item name={[f.name, 'kind']} initialValue="department" noStyle>
                    <Select
                      style={{ width: 100 }}
                      options={ATTENDEE_KINDS.map((k) => ({
                        value: k,
                        label: ATTENDEE_KIND_LABELS[k][lang],
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true }]}>
                    <Input placeholder={t('mt.attendeeName')} maxLength={60} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>−</Button>
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add()}>
                {t('mt.addAttendee')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 议定事项: what, a person or a department owning it, the deadline, the proof that will close it. */
export function DecisionFormDialog({
  meetingId,
  itemId,
  onClose,
}: {
  meetingId: string;
  itemId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const people = usePeople();
  const actions = useMeetingActions(meetingId);
  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    const body = checkWithSchema(form, DecisionInput, { ...values, ownerUserId: values.ownerUserId ?? null });
    if (!body) return;
    try {
      await actions.addDecision.mutateAsync({ itemId, body });
      onClose();
    } catch (error) {
      const problem = showSubmitError(form, error);
      if (problem) message.error(problem);
    }
  };
  return (
    <Modal
      open
      title={t('mt.addDecision')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={actions.addDecision.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ ownerDepartment: '', proofRequired: '' }}>
        <Form.Item name="content" label={t('mt.content')} rules={[{ required: true }]}>
          <Input.TextArea data-testid="decision-content" rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="ownerUserId" label={t('mt.owner')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            data-testid="decision-owner"
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="ownerDepartment" label={t('mt.ownerDepartment')}>
          <Input data-testid="decision-department" maxLength={40} />
        </Form.Item>
        <Form.Item name="deadline" label={t('mt.deadline')} rules={[{ required: true }]}>
          <Input type="date" data-testid="decision-deadline" />
        </Form.Item>
        <Form.Item name="proofRequired" label={t('mt.proofRequired')}>
          <Input data-testid="decision-proof-required" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
