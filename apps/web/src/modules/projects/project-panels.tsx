import {
  OUTPUT_KIND_LABELS,
  PROJECT_KIND_LABELS,
  PROJECT_STAGE_LABELS,
  type Project,
} from '@gaodi/contracts';
import { Button, Descriptions, Table, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { labelOf, yuan } from '../matchmaking/matchmaking-labels.tsx';
import { LightTag } from '../supervision/light-tag.tsx';
import { RoundtableTag } from '../supervision/roundtable-tag.tsx';
import { useProjectActions } from './use-projects.ts';

/** The project's facts: stage and light, kind, parties, contract, dates, sites, helper, source. */
export function ProjectFacts({ project: p }: { project: Project }) {
  const { t, lang } = useI18n();
  return (
    <Panel>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('proj.stage')}>
          <span data-testid="project-stage">
            {p.subStageName && lang !== 'en' ? p.subStageName : labelOf(PROJECT_STAGE_LABELS, p.stage, lang)}
          </span>
          {p.stoppedReason && `（${p.stoppedReason}）`}
        </Descriptions.Item>
        <Descriptions.Item label={t('proj.light')}>
          <LightTag light={p.light} lang={lang} />
          <RoundtableTag itemType="project" itemId={p.id} title={p.title} isRed={p.light?.light === 'red'} />
        </Descriptions.Item>
        <Descriptions.Item label={t('proj.kind')}>
          {labelOf(PROJECT_KIND_LABELS, p.kind, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('proj.parties')}>
          {p.parties.map((x) => x.name).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('proj.contractNo')}>{p.contractNo || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('proj.amount')}>{yuan(p.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('proj.signedOn')}>{formatDate(p.signedOn, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('proj.landedOn')}>
          {p.landedOn ? `${formatDate(p.landedOn, lang)} ${p.landedPlace}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('proj.rdRegion')}>{p.rdRegionName}</Descriptions.Item>
        <Descriptions.Item label={t('proj.commercialRegion')}>{p.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('proj.helper')}>
          <span data-testid="project-helper-name">{p.helperName ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('proj.source')}>
          {p.sourceEventId ? <Link to={`/events/${p.sourceEventId}`}>{p.sourceEventTitle}</Link> : '—'}
          {p.needId && (
            <>
              {' · '}
              <Link to={`/needs/${p.needId}`}>{p.needTitle}</Link>
            </>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Panel>
  );
}

/** A titled panel with an optional add button above its table. */
function ListPanel({
  title,
  add,
  children,
}: {
  title: string;
  add?: { label: string; onClick: () => void } | false;
  children: React.ReactNode;
}) {
  return (
    <Panel>
      <Typography.Title level={5}>{title}</Typography.Title>
      {add && (
        <Button size="small" onClick={add.onClick} style={{ marginBottom: 8 }}>
          {add.label}
        </Button>
      )}
      {children}
    </Panel>
  );
}

/** Milestones with their due and done days; an editor marks one done today. */
export function MilestonesPanel({ project: p, onAdd }: { project: Project; onAdd: () => void }) {
  const { t, lang } = useI18n();
  const actions = useProjectActions(p.id);
  const markDone = (m: Project['milestones'][number]) =>
    actions.milestoneDone.mutate({
      milestoneId: m.id,
      title: m.title,
      dueOn: m.dueOn,
      doneOn: dayjs().format('YYYY-MM-DD'),
    });
  return (
    <ListPanel
      title={t('proj.milestones')}
      add={p.canEdit && { label: t('proj.addMilestone'), onClick: onAdd }}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.milestones}
        columns={[
          { title: t('proj.milestone'), dataIndex: 'title', key: 'title' },
          {
            title: t('proj.dueOn'),
            dataIndex: 'dueOn',
            key: 'due',
            width: 130,
            render: (v: string) => formatDate(v, lang),
          },
          {
            title: t('proj.doneOn'),
            key: 'done',
            width: 120,
            render: (_, m) =>
              (m.doneOn && formatDate(m.doneOn, lang)) ??
              (p.canEdit ? (
                <Button size="small" type="link" onClick={() => markDone(m)}>
                  {t('proj.markDone')}
                </Button>
              ) : (
                '—'
              )),
          },
        ]}
      />
    </ListPanel>
  );
}

/** Outputs (patents, products, revenue…) with their amounts. */
export function OutputsPanel({ project: p, onAdd }: { project: Project; onAdd: () => void }) {
  const { t, lang } = useI18n();
  return (
    <ListPanel title={t('proj.outputs')} add={p.canEdit && { label: t('proj.addOutput'), onClick: onAdd }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.outputs}
        columns={[
          {
            title: t('proj.outputKind'),
            dataIndex: 'kind',
            key: 'kind',
            width: 90,
            render: (k) => labelOf(OUTPUT_KIND_LABELS, k, lang),
          },
          { title: t('proj.outputTitle'), dataIndex: 'title', key: 'title' },
          {
            title: t('proj.amount'),
            dataIndex: 'amountFen',
            key: 'amount',
            width: 110,
            render: (v) => (v === null ? '—' : yuan(v)),
          },
          { title: t('proj.recordedOn'), dataIndex: 'recordedOn', key: 'on', width: 110 },
        ]}
      />
    </ListPanel>
  );
}

/** The helpers the project has had, with the hand-overs between them. */
export function HelpersPanel({ project: p }: { project: Project }) {
  const { t, lang } = useI18n();
  return (
    <ListPanel title={t('proj.helpers')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.helpers}
        columns={[
          { title: t('proj.helper'), dataIndex: 'helperName', key: 'name' },
          {
            title: t('proj.from'),
            dataIndex: 'startedAt',
            key: 'from',
            render: (v) => formatDateTime(v, lang),
          },
          {
            title: t('proj.to'),
            dataIndex: 'endedAt',
            key: 'to',
            render: (v) => (v ? formatDateTime(v, lang) : t('proj.current')),
          },
          { title: t('proj.handoverBy'), dataIndex: 'assignedByName', key: 'by' },
          { title: t('proj.reason'), dataIndex: 'reason', key: 'reason' },
        ]}
      />
    </ListPanel>
  );
}

/** The project's history: stage moves, hand-overs and progress entries, newest as written. */
export function TimelinePanel({ project: p }: { project: Project }) {
  const { t, lang } = useI18n();
  return (
    <Panel>
      <Typography.Title level={5}>{t('proj.timeline')}</Typography.Title>
      <Timeline
        items={p.entries.map((e) => ({
          key: e.id,
          color: e.kind === 'stage' ? 'blue' : e.kind === 'handover' ? 'purple' : 'gray',
          content: (
            <>
              <Typography.Text type="secondary">
                {formatDate(e.on, lang)} · {e.authorName}
              </Typography.Text>
              <div>{e.content}</div>
              {e.nextDate && (
                <Typography.Text type="secondary">
                  {t('proj.nextDate')}：{formatDate(e.nextDate, lang)}
                </Typography.Text>
              )}
            </>
          ),
        }))}
      />
    </Panel>
  );
}
