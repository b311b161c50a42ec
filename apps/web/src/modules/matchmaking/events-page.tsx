import { PlusOutlined } from '@ant-design/icons';
import {
  EVENT_KIND_LABELS,
  EventInput,
  type EventKind,
  type EventSummary,
  type MatchmakingEvent,
} from '@gaodi/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Statistic,
  Switch,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { useEnterprises } from '../directory/use-enterprises.ts';
import { useInstituteOptions } from '../directory/use-institutes.ts';
import { recordsHref } from '../indicators/use-indicators.ts';
import { useProjectCounts } from '../projects/use-projects.ts';
import { labelOf, optionsOf } from './matchmaking-labels.tsx';
import { useAchievements, useEvents, useNeeds, useSaveEvent } from './use-matchmaking.ts';

/** New event, or edit one: invitations, and the needs and achievements presented there. */
export function EventDialog({ event, onClose }: { event?: MatchmakingEvent; onClose: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const enterprises = useEnterprises({ page: 1, pageSize: 200, sort: 'name', order: 'asc' });
  const institutes = useInstituteOptions();
  const needs = useNeeds({ pageSize: 200 });
  const achievements = useAchievements({ pageSize: 200 });
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
      <Form
        form={form}
        layout="vertical"
        initialValues={
          event
            ? {
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
              }
            : { kind: 'roadshow', isOnline: false, organiser: '金乡县科学技术局' }
        }
      >
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
        <Form.Item name="summary" label={t('mm.summary')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Every card counts the rows below it, so a figure and its rows cannot disagree. */
function totalsOf(items: readonly { pairings: number; projectsSigned: number; projectsLanded: number }[]) {
  return items.reduce(
    (n, e) => ({
      pairings: n.pairings + e.pairings,
      signed: n.signed + e.projectsSigned,
      landed: n.landed + e.projectsLanded,
    }),
    { pairings: 0, signed: 0, landed: 0 },
  );
}

/** 对接活动: the year's events with what each led to, and the year's figures from records. */
export function EventsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const [year, setYear] = useState(new Date().getFullYear());
  const [isCreating, setIsCreating] = useState(false);
  const events = useEvents({ year, pageSize: 200 });
  const counts = useProjectCounts(year);
  // The cards add up the rows below (what the events led to); the year's totals, events or not, link to the indicators.
  const fromEvents = totalsOf(events.data?.items ?? []);
  return (
    <Page
      title={t('mm.events')}
      testId="events-page"
      extra={
        <>
          <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          {can('event', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
              {t('mm.newEvent')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('mm.statEvents')} value={events.data?.total ?? 0} data-testid="stat-events" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('mm.statPairings')} value={fromEvents.pairings} data-testid="stat-pairings" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('mm.statSignedFromEvents')} value={fromEvents.signed} />
            <Link to={recordsHref('signed_projects', { year })} style={{ fontSize: 12 }}>
              {t('mm.allOfYear', { n: counts.data?.signed ?? 0 })}
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('mm.statLandedFromEvents')} value={fromEvents.landed} />
            <Link to={recordsHref('projects_landed', { year })} style={{ fontSize: 12 }}>
              {t('mm.allOfYear', { n: counts.data?.landed ?? 0 })}
            </Link>
          </Card>
        </Col>
      </Row>
      <Panel>
        {events.isError ? (
          <QueryError error={events.error} onRetry={() => events.refetch()} />
        ) : (
          <Table<EventSummary>
            rowKey="id"
            size="middle"
            loading={events.isFetching}
            dataSource={events.data?.items}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('mm.heldOn'),
                dataIndex: 'heldOn',
                key: 'heldOn',
                width: 130,
                render: (v: string) => formatDate(v, lang),
              },
              {
                title: t('mm.eventTitle'),
                dataIndex: 'title',
                key: 'title',
                render: (v, e) => <Link to={`/events/${e.id}`}>{v}</Link>,
              },
              {
                title: t('mm.eventKind'),
                dataIndex: 'kind',
                key: 'kind',
                width: 130,
                render: (k: EventKind) => <Tag>{labelOf(EVENT_KIND_LABELS, k, lang)}</Tag>,
              },
              {
                title: t('mm.attendance'),
                key: 'att',
                width: 90,
                render: (_, e) => `${e.attended}/${e.invited}`,
              },
              { title: t('mm.statPairings'), dataIndex: 'pairings', key: 'pairings', width: 80 },
              { title: t('mm.statSigned'), dataIndex: 'projectsSigned', key: 'signed', width: 80 },
              { title: t('mm.statLanded'), dataIndex: 'projectsLanded', key: 'landed', width: 80 },
            ]}
          />
        )}
      </Panel>
      <Flex />
      {isCreating && <EventDialog onClose={() => setIsCreating(false)} />}
    </Page>
  );
}
