import {
  OUTPUT_KIND_LABELS,
  type Pipeline,
  PROJECT_KIND_LABELS,
  PROJECT_STAGE_LABELS,
  type ProjectMoveTarget,
  type ProjectStage,
  type ProjectStageInput,
  projectPipeline,
} from '@gaodi/contracts';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { showSubmitError } from '../../ui/form-errors.ts';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { labelOf, optionsOf, yuan } from '../matchmaking/matchmaking-labels.tsx';
import { StageMoveDialog } from '../pipelines/stage-move-dialog.tsx';
import { LightTag } from '../supervision/light-tag.tsx';
import { RoundtableTag } from '../supervision/roundtable-tag.tsx';
import { useHelpers, useProject, useProjectActions } from './use-projects.ts';

const pipeline = projectPipeline as Pipeline<ProjectStage> & { key: 'project' };

type Dialog = { kind: 'helper' } | { kind: 'entry' } | { kind: 'milestone' } | { kind: 'output' };
const day = (d: Dayjs | undefined | null) => d?.format('YYYY-MM-DD');

/** One cooperation project: parties, sites, helper and hand-overs, stages, milestones, outputs, timeline. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const project = useProject(id);
  const actions = useProjectActions(id);
  const helpers = useHelpers();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [moving, setMoving] = useState<ProjectMoveTarget | null>(null);
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  if (project.isPending) return <PageLoading />;
  if (project.isError) return <QueryError error={project.error} onRetry={() => project.refetch()} />;
  const p = project.data;

  const open = (d: Dialog) => {
    form.resetFields();
    setProblem(null);
    setDialog(d);
  };
  const submit = async () => {
    if (!dialog) return;
    const v = form.getFieldsValue();
    try {
      if (dialog.kind === 'helper')
        await actions.helper.mutateAsync({ helperId: v.helperId, reason: v.reason ?? '' });
      else if (dialog.kind === 'entry')
        await actions.entry.mutateAsync({
          content: v.content ?? '',
          on: day(v.on) ?? '',
          nextDate: day(v.nextDate) ?? null,
        });
      else if (dialog.kind === 'milestone')
        await actions.milestone.mutateAsync({
          title: v.title ?? '',
          dueOn: day(v.dueOn) ?? '',
          doneOn: null,
        });
      else
        await actions.output.mutateAsync({
          kind: v.kind,
          title: v.title ?? '',
          amountFen: v.amountWan ? Math.round(v.amountWan * 1_000_000) : null,
          recordedOn: day(v.recordedOn) ?? '',
        });
      message.success(t('common.saved'));
      setDialog(null);
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  // Offices name their stages in Chinese; the English UI keeps the built-in names.
  const targetName = (to: ProjectMoveTarget) =>
    lang === 'en' ? labelOf(PROJECT_STAGE_LABELS, to.stage, lang) : to.name;
  const isStaff = can('project', 'create');

  return (
    <Page
      title={p.title}
      testId="project-page"
      back="/projects"
      crumbs={[{ title: t('proj.projects'), to: '/projects' }, { title: p.title }]}
      extra={
        p.canEdit && (
          <>
            {p.allowedMoves.map((to) => (
              <Button
                key={`${to.stage}:${to.subStage ?? ''}`}
                type={to.stage === 'stopped' ? 'default' : 'primary'}
                danger={to.stage === 'stopped'}
                data-testid={`project-stage-${to.subStage ?? to.stage}`}
                onClick={() => setMoving(to)}
              >
                {t('proj.moveTo', { stage: targetName(to) })}
              </Button>
            ))}
            <Button onClick={() => open({ kind: 'entry' })}>{t('proj.addEntry')}</Button>
            {isStaff && <Button onClick={() => open({ kind: 'helper' })}>{t('proj.assignHelper')}</Button>}
          </>
        )
      }
    >
      <Panel>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('proj.stage')}>
            <span data-testid="project-stage">
              {p.subStageName && lang !== 'en'
                ? p.subStageName
                : labelOf(PROJECT_STAGE_LABELS, p.stage, lang)}
            </span>
            {p.stoppedReason && `（${p.stoppedReason}）`}
          </Descriptions.Item>
          <Descriptions.Item label={t('proj.light')}>
            <LightTag light={p.light} lang={lang} />
            <RoundtableTag
              itemType="project"
              itemId={p.id}
              title={p.title}
              isRed={p.light?.light === 'red'}
            />
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
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Panel>
            <Typography.Title level={5}>{t('proj.milestones')}</Typography.Title>
            {p.canEdit && (
              <Button size="small" onClick={() => open({ kind: 'milestone' })} style={{ marginBottom: 8 }}>
                {t('proj.addMilestone')}
              </Button>
            )}
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
                      <Button
                        size="small"
                        type="link"
                        onClick={() =>
                          actions.milestoneDone.mutate({
                            milestoneId: m.id,
                            title: m.title,
                            dueOn: m.dueOn,
                            doneOn: dayjs().format('YYYY-MM-DD'),
                          })
                        }
                      >
                        {t('proj.markDone')}
                      </Button>
                    ) : (
                      '—'
                    )),
                },
              ]}
            />
          </Panel>
          <Panel>
            <Typography.Title level={5}>{t('proj.outputs')}</Typography.Title>
            {p.canEdit && (
              <Button size="small" onClick={() => open({ kind: 'output' })} style={{ marginBottom: 8 }}>
                {t('proj.addOutput')}
              </Button>
            )}
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
          </Panel>
          <Panel>
            <Typography.Title level={5}>{t('proj.helpers')}</Typography.Title>
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
          </Panel>
        </Col>
        <Col xs={24} md={12}>
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
        </Col>
      </Row>
      {moving && (
        <StageMoveDialog
          pipeline={pipeline}
          from={{ stage: p.stage, subStage: p.subStage }}
          to={{ stage: moving.stage, subStage: moving.subStage }}
          dates={{ signedOn: p.signedOn, landedOn: p.landedOn }}
          renderField={({ requirement }) =>
            requirement.field === 'landedPlace' && (
              <Form.Item name="landedPlace" label={t('proj.landedPlace')}>
                <Input />
              </Form.Item>
            )
          }
          // A signing without a contract number keeps the one the project has (as the server does).
          toInput={(v) => (v.contractNo || !p.contractNo ? {} : { contractNo: p.contractNo })}
          onSubmit={(input) => actions.stage.mutateAsync(input as ProjectStageInput)}
          onClose={() => setMoving(null)}
        />
      )}
      {dialog && (
        <Modal open title={t(`proj.dialog.${dialog.kind}`)} onCancel={() => setDialog(null)} onOk={submit}>
          {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ contractNo: p.contractNo, on: dayjs(), kind: 'patent' }}
          >
            {dialog.kind === 'helper' && (
              <>
                <Form.Item name="reason" label={t('proj.reason')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Form.Item name="helperId" label={t('proj.helper')} required>
                  <Select options={(helpers.data ?? []).map((h) => ({ value: h.id, label: h.name }))} />
                </Form.Item>
              </>
            )}
            {dialog.kind === 'entry' && (
              <>
                <Form.Item name="on" label={t('proj.entryOn')} required>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="content" label={t('proj.entryContent')} required>
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item name="nextDate" label={t('proj.nextDate')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
            {dialog.kind === 'milestone' && (
              <>
                <Form.Item name="title" label={t('proj.milestone')} required>
                  <Input />
                </Form.Item>
                <Form.Item name="dueOn" label={t('proj.dueOn')} required>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
            {dialog.kind === 'output' && (
              <>
                <Form.Item name="kind" label={t('proj.outputKind')}>
                  <Select options={optionsOf(OUTPUT_KIND_LABELS, lang)} />
                </Form.Item>
                <Form.Item name="title" label={t('proj.outputTitle')} required>
                  <Input />
                </Form.Item>
                <Form.Item name="amountWan" label={t('proj.amountWan')}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="recordedOn" label={t('proj.recordedOn')} required>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
          </Form>
        </Modal>
      )}
    </Page>
  );
}
