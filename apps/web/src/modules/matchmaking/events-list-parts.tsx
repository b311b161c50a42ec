import { EVENT_KIND_LABELS, type EventKind, type EventSummary } from '@gaodi/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { recordsHref } from '../indicators/use-indicators.ts';
import { useProjectCounts } from '../projects/use-projects.ts';
import { labelOf } from './matchmaking-labels.tsx';

/** The year's figures; the cards add up the rows below, the year's totals link to the indicators. */
export function EventFigures(props: { year: number; events: EventSummary[]; total: number }) {
  const { year, events, total } = props;
  const { t } = useI18n();
  const counts = useProjectCounts(year);
  // Every card counts the rows below, so a figure and its rows cannot disagree.
  // A count the reader may not read (null from the API) makes the card's total unknown, not smaller.
  const fromEvents = events.reduce(
    (n, e) => ({
      pairings: n.pairings === null || e.pairings === null ? null : n.pairings + e.pairings,
      signed: n.signed + e.projectsSigned,
      landed: n.landed + e.projectsLanded,
    }),
    { pairings: 0 as number | null, signed: 0, landed: 0 },
  );
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('mm.statEvents')} value={total} data-testid="stat-events" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('mm.statPairings')}
            value={fromEvents.pairings ?? '—'}
            data-testid="stat-pairings"
          />
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
  );
}

/** The year's events with attendance and what each led to. */
export function EventsTable({ events }: { events: UseQueryResult<{ items: EventSummary[] }> }) {
  const { t, lang } = useI18n();
  return (
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
            {
              title: t('mm.statPairings'),
              dataIndex: 'pairings',
              key: 'pairings',
              width: 80,
              render: (n: number | null) => n ?? '—',
            },
            { title: t('mm.statSigned'), dataIndex: 'projectsSigned', key: 'signed', width: 80 },
            { title: t('mm.statLanded'), dataIndex: 'projectsLanded', key: 'landed', width: 80 },
          ]}
        />
      )}
    </Panel>
  );
}
