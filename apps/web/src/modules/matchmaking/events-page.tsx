import { PlusOutlined } from '@ant-design/icons';
import { EVENT_KIND_LABELS, EventInput, type MatchmakingEvent } from '@gaodi/contracts';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { useEnterprises } from '../directory/use-enterprises.ts';
import { useInstituteOptions } from '../directory/use-institutes.ts';
import { CheckinWindowButton } from './checkin-window-dialog.tsx';
import { EventFigures, EventsTable } from './events-list-parts.tsx';
import { optionsOf } from './matchmaking-labels.tsx';
import { useAchievements, useEvents, useNeeds, useSaveEvent } from './use-matchmaking.ts';

/** New event, or edit one: invitations, and the needs and achievements presented there. */
export function EventDialog({ event, onClose }: { event?: MatchmakingEvent; onClose: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const save = useSaveEvent(event?.id);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const v = form.getFieldsValue();
    const input = checkWithSchema(form, EventInput, {
      ...v,
      heldOn: (v.heldOn as Dayjs | undefined)?.format('YYYY-MM-DD') ?? '',
      place: v.place ?? '',
      summary: v.summary ?? '',
      invitedEnterpriseIds: v.invitedEnterpriseIds ?? [],
      invitedInstituteIds: v.invitedInstituteIds ?? [],
      needIds: v.needIds ?? [],
      achievementIds: v.achievementIds ?? [],
    });
    if (!input) return;
    try {
      const saved = await save.mutateAsync(input);
      onClose();
      if (!event) navigate(`/events/${saved.id}`);
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <Modal
      open
      title={t('mm.newEvent')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={save.isPending}
      width={640}
    >
      {problem && <Alert type="error" title={problem} showIcon />}
      <Form form={form} layout="vertical" initialValues={initialValuesOf(event)}>
        <Form.Item name="title" label={t('mm.eventTitle')} required>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="kind" label={t('mm.eventKind')}>
          <Select options={optionsOf(EVENT_KIND_LABELS, lang)} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('mm.heldOn')} required>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="isOnline" label={t('mm.online')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="place" label={t('mm.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="organiser" label={t('mm.organiser')} required>
          <Input maxLength={120} />
        </Form.Item>
        <EventInvitations />
        <Form.Item name="summary" label={t('mm.summary')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The form's values for an event (its invitations and presented items as ids), or a new one's. */
function initialValuesOf(event: MatchmakingEvent | undefined) {
  if (!event) return { kind: 'roadshow', isOnline: false, organiser: '金乡县科学技术局' };
  return {
    ...event,
    heldOn: dayjs(event.heldOn),
    invitedEnterpriseIds: event.participants
      .filter((p) => p.isInvited && p.enterpriseId)
      .map((p) => p.enterpriseId),
    invitedInstituteIds: event.participants
      .filter((p) => p.isInvited && p.instituteId)
      .map((p) => p.instituteId),
    needIds: event.needs.map((n) => n.id),
    achievementIds: event.achievements.map((a) => a.id),
  };
}

/** Who is invited and what is presented: enterprises, institutes, needs, achievements. */
function EventInvitations() {
  const { t } = useI18n();
  const enterprises = useEnterprises({ page: 1, pageSize: 200, sort: 'name', order: 'asc' });
  const institutes = useInstituteOptions();
  const needs = useNeeds({ pageSize: 200 });
  const achievements = useAchievements({ pageSize: 200 });
  return (
    <>
      <Form.Item name="invitedEnterpriseIds" label={t('mm.invitedEnterprises')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
      </Form.Item>
      <Form.Item name="invitedInstituteIds" label={t('mm.invitedInstitutes')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
      </Form.Item>
      <Form.Item name="needIds" label={t('mm.presentedNeeds')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={(needs.data?.items ?? []).map((n) => ({
            value: n.id,
            label: `${n.title}（${n.enterpriseName}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="achievementIds" label={t('mm.presentedAchievements')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={(achievements.data?.items ?? []).map((a) => ({
            value: a.id,
            label: `${a.title}（${a.instituteName}）`,
          }))}
        />
      </Form.Item>
    </>
  );
}

/** 对接活动: the year's events with what each led to, and the year's figures from records. */
export function EventsPage() {
  const { t } = useI18n();
  const can = useCan();
  const [year, setYear] = useState(new Date().getFullYear());
  const [isCreating, setIsCreating] = useState(false);
  const events = useEvents({ year, pageSize: 200 });
  return (
    <Page
      title={t('mm.events')}
      testId="events-page"
      extra={
        <>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          {can('event', 'update') && <CheckinWindowButton />}
          {can('event', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
              {t('mm.newEvent')}
            </Button>
          )}
        </>
      }
    >
      <EventFigures year={year} events={events.data?.items ?? []} total={events.data?.total ?? 0} />
      <EventsTable events={events} />
      <Flex />
      {isCreating && <EventDialog onClose={() => setIsCreating(false)} />}
    </Page>
  );
}
