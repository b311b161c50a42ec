import { DownloadOutlined } from '@ant-design/icons';
import {
  EVENT_KIND_LABELS,
  PAIRING_OUTCOME_LABELS,
  PROJECT_STAGE_LABELS,
  type ProjectStage,
} from '@gaodi/contracts';
import { App, Button, Checkbox, Col, Descriptions, QRCode, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { EventDialog } from './events-page.tsx';
import { labelOf, yuan } from './matchmaking-labels.tsx';
import { downloadEventReport, useAttendance, useEvent } from './use-matchmaking.ts';

/** One event: sign-in QR code, attendance, presented items, pairings made and the projects they led to. */
export function EventPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const event = useEvent(id);
  const attendance = useAttendance(id ?? '');
  const [isEditing, setIsEditing] = useState(false);
  if (event.isPending) return <PageLoading />;
  if (event.isError) return <QueryError error={event.error} onRetry={() => event.refetch()} />;
  const e = event.data;
  const checkinUrl = `${window.location.origin}${e.checkinPath}`;
  return (
    <Page
      title={e.title}
      testId="event-page"
      back="/events"
      crumbs={[{ title: t('mm.events'), to: '/events' }, { title: e.title }]}
      extra={
        <>
          {can('event', 'update') && <Button onClick={() => setIsEditing(true)}>{t('common.edit')}</Button>}
          {can('event', 'export') && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => downloadEventReport(e.id).catch((err: Error) => message.error(err.message))}
            >
              {t('mm.report')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Panel>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('mm.heldOn')}>{formatDate(e.heldOn, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('mm.eventKind')}>
                {labelOf(EVENT_KIND_LABELS, e.kind, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('mm.place')}>
                {e.isOnline
                  ? e.place && e.place !== t('mm.online')
                    ? `${t('mm.online')}（${e.place}）`
                    : t('mm.online')
                  : e.place}
              </Descriptions.Item>
              <Descriptions.Item label={t('mm.organiser')}>{e.organiser}</Descriptions.Item>
              <Descriptions.Item label={t('mm.attendance')}>{`${e.attended}/${e.invited}`}</Descriptions.Item>
              <Descriptions.Item label={t('mm.statPairings')}>{e.pairings ?? '—'}</Descriptions.Item>
              {e.summary && (
                <Descriptions.Item label={t('mm.summary')} span={2}>
                  {e.summary}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Panel>
        </Col>
        <Col xs={24} md={8}>
          <Panel>
            <Typography.Text strong>{t('mm.checkinQr')}</Typography.Text>
            <QRCode value={checkinUrl} size={160} style={{ margin: '8px 0' }} data-testid="checkin-qr" />
            <Typography.Link
              href={e.checkinPath}
              target="_blank"
              data-testid="checkin-link"
              style={{ wordBreak: 'break-all' }}
            >
              {checkinUrl}
            </Typography.Link>
          </Panel>
        </Col>
      </Row>
      <Panel>
        <Typography.Title level={5}>{t('mm.outcomesProjects')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="event-projects"
          dataSource={e.projects}
          columns={[
            {
              title: t('proj.title'),
              dataIndex: 'title',
              key: 'title',
              render: (v, p) => <Link to={`/projects/${p.id}`}>{v}</Link>,
            },
            {
              title: t('proj.stage'),
              dataIndex: 'stage',
              key: 'stage',
              render: (s: ProjectStage) => labelOf(PROJECT_STAGE_LABELS, s, lang),
            },
            {
              title: t('proj.signedOn'),
              dataIndex: 'signedOn',
              key: 'signedOn',
              render: (v) => formatDate(v, lang),
            },
            {
              title: t('proj.landedOn'),
              dataIndex: 'landedOn',
              key: 'landedOn',
              render: (v) => formatDate(v, lang),
            },
            {
              title: t('proj.amount'),
              dataIndex: 'amountFen',
              key: 'amount',
              render: (v: number) => yuan(v),
            },
          ]}
        />
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('mm.pairingsTitle')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={e.pairingList}
          columns={[
            {
              title: t('mm.needTitle'),
              dataIndex: 'needTitle',
              key: 'need',
              render: (v, p) => <Link to={`/needs/${p.needId}`}>{v}</Link>,
            },
            { title: t('mm.enterprise'), dataIndex: 'enterpriseName', key: 'ent' },
            { title: t('mm.institute'), dataIndex: 'instituteName', key: 'inst' },
            {
              title: t('mm.outcome'),
              dataIndex: 'outcome',
              key: 'outcome',
              render: (o) => <Tag>{labelOf(PAIRING_OUTCOME_LABELS, o, lang)}</Tag>,
            },
          ]}
        />
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('mm.participants')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={e.participants}
          columns={[
            { title: t('mm.organisation'), dataIndex: 'orgName', key: 'org' },
            {
              title: t('mm.invited'),
              dataIndex: 'isInvited',
              key: 'inv',
              width: 80,
              render: (v) => (v ? t('common.yes') : t('common.no')),
            },
            { title: t('mm.attendee'), dataIndex: 'attendeeName', key: 'who', width: 120 },
            {
              title: t('mm.signedIn'),
              key: 'att',
              width: 220,
              render: (_, p) =>
                can('event', 'update') ? (
                  <Checkbox
                    checked={Boolean(p.attendedAt)}
                    onChange={(ev) => attendance.mutate({ participantId: p.id, attended: ev.target.checked })}
                  >
                    {p.attendedAt ? formatDateTime(p.attendedAt, lang) : ''}
                  </Checkbox>
                ) : (
                  formatDateTime(p.attendedAt, lang)
                ),
            },
          ]}
        />
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('mm.presented')}</Typography.Title>
        {e.needs.map((n) => (
          <div key={n.id}>
            {t('mm.need')}：<Link to={`/needs/${n.id}`}>{n.title}</Link>（{n.enterpriseName}）
          </div>
        ))}
        {e.achievements.map((a) => (
          <div key={a.id}>
            {t('mm.achievement')}：{a.title}（{a.instituteName}）
          </div>
        ))}
      </Panel>
      {isEditing && <EventDialog event={e} onClose={() => setIsEditing(false)} />}
    </Page>
  );
}
