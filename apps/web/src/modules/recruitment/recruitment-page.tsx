import { CheckOutlined, EditOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type LedgerEntry,
  type Milestone,
  movesFrom,
  type Pipeline,
  type Recruitment,
  recruitmentPipeline,
  type Stage,
  type StagePosition,
} from '@gaodi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { fileHref } from '../../ui/files.ts';
import { showSubmitError } from '../../ui/form-errors.ts';
import { formatDate, OFFICE_TZ } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { usePositionNames } from '../pipelines/stage-names.ts';
import { LightTag, lightReasonsText } from '../supervision/light-tag.tsx';
import { RoundtableTag } from '../supervision/roundtable-tag.tsx';
import { AttachmentUpload } from './attachment-upload.tsx';
import { LedgerEntryDialog } from './ledger-entry-dialog.tsx';
import { LedgerCard, LightHistoryCard, RecordFacts, TaskForceCard } from './record-panels.tsx';
import { GradeTag } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { StageMoveDialog } from './stage-move-dialog.tsx';
import { useAddMilestone, useRecord, useUpdateMilestone } from './use-recruitment.ts';

/** One record: what it is, its light and why, the task force, milestones, the ledger timeline, the light history. */
export function RecruitmentPage() {
  const { id } = useParams();
  const t = useText();
  const can = useCan();
  const record = useRecord(id);
  const [move, setMove] = useState<StagePosition<Stage> | null>(null);
  const { nameOf, custom } = usePositionNames('recruitment');
  const [entry, setEntry] = useState<{ editing?: LedgerEntry; correcting?: LedgerEntry } | null>(null);
  const mayUpdate = can('recruitment', 'update');
  if (record.isError) return <QueryError error={record.error} onRetry={() => record.refetch()} />;
  if (!record.data) return <PageLoading />;
  const r = record.data;
  const here: StagePosition<Stage> = { stage: r.stage, subStage: r.subStage };
  // Where the record may go: the built-in moves and the office's custom stages (自定义阶段).
  const targets = movesFrom(recruitmentPipeline as Pipeline<Stage>, custom, here);

  return (
    <Page
      title={<RecordTitle record={r} stageName={nameOf(here)} />}
      crumbs={[{ title: t('title') }, { title: t('board'), to: '/recruitment' }, { title: r.instituteName }]}
      back="/recruitment"
      testId="recruitment-detail"
      extra={
        mayUpdate && (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEntry({})}
              data-testid="entry-add"
            >
              {t('addEntry')}
            </Button>
            <StageMoveMenu targets={targets} nameOf={nameOf} onPick={setMove} />
            <Link to={`/recruitment/${r.id}/edit`}>
              <Button icon={<EditOutlined />}>{t('edit')}</Button>
            </Link>
          </>
        )
      }
    >
      <LightReasons record={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <RecordFacts record={r} />
          <LedgerCard entries={r.entries} mayUpdate={mayUpdate} onEntry={setEntry} />
        </Col>
        <Col xs={24} lg={8}>
          <TaskForceCard record={r} />
          <MilestonesCard record={r} mayUpdate={mayUpdate} />
          <LightHistoryCard history={r.lightHistory} />
        </Col>
      </Row>
      {move && (
        <StageMoveDialog
          recordId={r.id}
          from={here}
          to={move}
          signedOn={r.signedOn}
          onClose={() => setMove(null)}
        />
      )}
      {entry && (
        <LedgerEntryDialog
          recordId={r.id}
          editing={entry.editing}
          correcting={entry.correcting}
          onClose={() => setEntry(null)}
        />
      )}
    </Page>
  );
}

/** Why the record is yellow or red, above everything else. */
function LightReasons({ record: r }: { record: Recruitment }) {
  const { lang } = useI18n();
  if (r.light.reasons.length === 0) return null;
  return (
    <Alert
      type={r.light.light === 'red' ? 'error' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      message={lightReasonsText(r.light.reasons, lang)}
      data-testid="light-reasons"
    />
  );
}

/** The record's milestones, with 添加 for editors. */
function MilestonesCard({ record: r, mayUpdate }: { record: Recruitment; mayUpdate: boolean }) {
  const t = useText();
  const [milestoneOpen, setMilestoneOpen] = useState(false);
  return (
    <>
      <Card
        title={t('milestones')}
        size="small"
        style={{ marginTop: 16 }}
        extra={
          mayUpdate && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setMilestoneOpen(true)}>
              {t('addMilestone')}
            </Button>
          )
        }
      >
        <MilestoneTable milestones={r.milestones} mayUpdate={mayUpdate} />
      </Card>
      {milestoneOpen && <MilestoneDialog recordId={r.id} onClose={() => setMilestoneOpen(false)} />}
    </>
  );
}

/** The record's name with its grade, stage (maybe a custom one), light and flags. */
function RecordTitle({ record: r, stageName }: { record: Recruitment; stageName: string }) {
  const { lang } = useI18n();
  const t = useText();
  return (
    <Flex gap={8} align="center" wrap>
      {r.instituteName}
      <GradeTag grade={r.grade} lang={lang} />
      <Tag color="blue" data-testid="record-stage">
        {stageName}
      </Tag>
      <LightTag light={r.light} lang={lang} />
      <RoundtableTag
        itemType="recruitment"
        itemId={r.id}
        title={r.instituteName}
        isRed={r.light.light === 'red'}
      />
      {r.isGreenChannel && <Tag color="cyan">{t('greenChannel')}</Tag>}
    </Flex>
  );
}

/** The stage move menu: the allowed targets, built-in and custom, in board order. */
function StageMoveMenu({
  targets,
  nameOf,
  onPick,
}: {
  targets: StagePosition<Stage>[];
  nameOf: (p: StagePosition<Stage>) => string;
  onPick: (p: StagePosition<Stage> | null) => void;
}) {
  const t = useText();
  const keyOf = (p: StagePosition<Stage>) => `${p.stage}:${p.subStage ?? ''}`;
  if (targets.length === 0) return null;
  return (
    <Dropdown
      menu={{
        items: targets.map((p) => ({ key: keyOf(p), label: nameOf(p) })),
        onClick: ({ key }) => onPick(targets.find((p) => keyOf(p) === key) ?? null),
      }}
    >
      <Button data-testid="stage-move">{t('moveTo')}</Button>
    </Dropdown>
  );
}

function MilestoneTable({ milestones, mayUpdate }: { milestones: Milestone[]; mayUpdate: boolean }) {
  const { lang } = useI18n();
  const t = useText();
  const [completing, setCompleting] = useState<Milestone | null>(null);
  const today = officeToday();
  if (milestones.length === 0) return <Empty description={t('none')} />;
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={milestones}
        columns={[
          {
            title: t('milestoneTitle'),
            dataIndex: 'title',
            render: (v: string, m) => (
              <>
                <div>{v}</div>
                {m.doneOn && m.proofFileId && (
                  <a href={fileHref(m.proofFileId)} data-testid="milestone-proof">
                    <PaperClipOutlined /> {t('proofFile')}
                  </a>
                )}
                {m.doneOn && m.proofNote && (
                  <Typography.Paragraph
                    type="secondary"
                    style={{ fontSize: 12, whiteSpace: 'pre-wrap', marginBottom: 0 }}
                    data-testid="milestone-proof-note"
                  >
                    {m.proofNote}
                  </Typography.Paragraph>
                )}
                {m.doneOn && !m.proofFileId && mayUpdate && (
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setCompleting(m)}>
                    {t('addProof')}
                  </Button>
                )}
              </>
            ),
          },
          {
            title: t('dueOn'),
            dataIndex: 'dueOn',
            width: 100,
            render: (v: string, m) => (
              <span style={{ color: !m.doneOn && v < today ? '#cf1322' : undefined }}>
                {formatDate(v, lang)}
              </span>
            ),
          },
          {
            title: t('doneOn'),
            key: 'done',
            width: 90,
            render: (_, m) =>
              m.doneOn ? (
                formatDate(m.doneOn, lang)
              ) : mayUpdate ? (
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  onClick={() => setCompleting(m)}
                  data-testid="milestone-done"
                >
                  {t('markDone')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {completing && <MilestoneDoneDialog milestone={completing} onClose={() => setCompleting(null)} />}
    </>
  );
}

/** Today's calendar date in China, as the server counts it (a done date may not be later). */
const officeToday = () => dayjs().tz(OFFICE_TZ).format('YYYY-MM-DD');

type DoneValues = { doneOn: Dayjs; proofFileId?: string | null; proofNote?: string };

/** 标记完成 (or 补充证明 on a done milestone): the day it was done, a proof file and a note. */
function MilestoneDoneDialog({ milestone, onClose }: { milestone: Milestone; onClose: () => void }) {
  const t = useText();
  const { message } = App.useApp();
  const [form] = Form.useForm<DoneValues>();
  const update = useUpdateMilestone();
  const [error, setError] = useState<string | null>(null);
  const [isUploading, setIsUploading] = useState(false);
  const today = officeToday();
  const submit = async (v: DoneValues) => {
    setError(null);
    try {
      await update.mutateAsync({
        milestoneId: milestone.id,
        input: {
          title: milestone.title,
          dueOn: milestone.dueOn,
          doneOn: v.doneOn.format('YYYY-MM-DD'),
          proofFileId: v.proofFileId ?? null,
          proofNote: v.proofNote ?? '',
        },
      });
      message.success(t('saved'));
      onClose();
    } catch (e) {
      setError(showSubmitError(form, e));
    }
  };
  return (
    <Modal
      open
      title={t('markDoneTitle', { title: milestone.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okButtonProps={{ disabled: isUploading, id: 'milestone-done-ok' }}
      okText={t('save')}
      cancelText={t('cancel')}
      destroyOnHidden
    >
      <Form<DoneValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          doneOn: dayjs(milestone.doneOn ?? today),
          proofFileId: milestone.proofFileId,
          proofNote: milestone.proofNote,
        }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="doneOn" label={t('doneOn')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            data-testid="milestone-done-on"
          />
        </Form.Item>
        <Form.Item name="proofFileId" label={t('proofFile')}>
          <AttachmentUpload
            label={t('uploadProof')}
            testId="milestone-proof-upload"
            onUploading={setIsUploading}
            onError={setError}
          />
        </Form.Item>
        <Form.Item name="proofNote" label={t('proofNote')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="milestone-proof-note-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MilestoneDialog({ recordId, onClose }: { recordId: string; onClose: () => void }) {
  const t = useText();
  const [form] = Form.useForm<{ title: string; dueOn: Dayjs }>();
  const add = useAddMilestone();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('addMilestone')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      okText={t('save')}
      cancelText={t('cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            await add.mutateAsync({
              id: recordId,
              input: { title: v.title, dueOn: v.dueOn.format('YYYY-MM-DD') },
            });
            onClose();
          } catch (e) {
            setError(showSubmitError(form, e));
          }
        }}
      >
        {error && <Alert type="error" showIcon message={error} />}
        <Form.Item name="title" label={t('milestoneTitle')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('dueOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
