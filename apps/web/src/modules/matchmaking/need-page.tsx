import {
  COOPERATION_FORM_LABELS,
  INSTITUTE_LEVEL_LABELS,
  NEED_STAGE_LABELS,
  type NeedStage,
  PAIRING_OUTCOME_LABELS,
  type Pairing,
  type PairingOutcome,
  REJECTION_REASON_LABELS,
  type RecommendedAchievement,
  type RecommendedInstitute,
  type RejectionReason,
} from '@gaodi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { showSubmitError } from '../../ui/form-errors.ts';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { useIndustries } from '../directory/use-industries.ts';
import { ProjectFormDialog } from '../projects/project-form-dialog.tsx';
import { Highlighted, labelOf, needStageColor, optionsOf, TermTags, yuan } from './matchmaking-labels.tsx';
import { NeedFormDialog } from './need-form-dialog.tsx';
import { NeedStageActions, NeedStageTag } from './need-stage-actions.tsx';
import {
  useCreatePairing,
  useEvents,
  useMoveNeed,
  useNeed,
  usePairings,
  useRecommendations,
  useReject,
  useUpdatePairing,
} from './use-matchmaking.ts';

function AchievementCard({ a, onAccept }: { a: RecommendedAchievement; onAccept?: () => void }) {
  const { t } = useI18n();
  const terms = a.matches.map((m) => m.term);
  return (
    <div className="match-achievement" data-testid="recommended-achievement">
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong>
          <Highlighted text={a.title} terms={terms} />
        </Typography.Text>
        <Space size={4}>
          <Tag>TRL {a.trl}</Tag>
          <Typography.Text type="secondary">{a.instituteName}</Typography.Text>
          {onAccept && (
            <Button size="small" onClick={onAccept}>
              {t('mm.accept')}
            </Button>
          )}
        </Space>
      </Flex>
      <Typography.Paragraph
        type="secondary"
        style={{ margin: '4px 0' }}
        ellipsis={{ rows: 3, expandable: true }}
      >
        <Highlighted text={a.abstract} terms={terms} />
      </Typography.Paragraph>
      <div>
        <Typography.Text type="secondary">{t('mm.matchedTerms')}：</Typography.Text>
        <TermTags terms={terms} />
      </div>
    </div>
  );
}

function RejectDialog({
  needId,
  institute,
  onClose,
}: {
  needId: string;
  institute: RecommendedInstitute;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: RejectionReason; note?: string }>();
  const reject = useReject(needId);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('mm.rejectTitle', { name: institute.name })}
      onCancel={onClose}
      confirmLoading={reject.isPending}
      onOk={async () => {
        const v = form.getFieldsValue();
        try {
          await reject.mutateAsync({
            instituteId: institute.instituteId,
            reason: v.reason,
            note: v.note ?? '',
          });
          onClose();
        } catch (error) {
          setProblem(showSubmitError(form, error));
        }
      }}
    >
      {problem && <Alert type="error" title={problem} showIcon />}
      <Form form={form} layout="vertical" initialValues={{ reason: 'too_early' }}>
        <Form.Item name="reason" label={t('mm.rejectReason')}>
          <Select options={optionsOf(REJECTION_REASON_LABELS, lang)} />
        </Form.Item>
        <Form.Item name="note" label={t('mm.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Recommendations({ needId, canAct }: { needId: string; canAct: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const industries = useIndustries();
  const [filters, setFilters] = useState<{
    industryId?: string;
    city?: string;
    level?: string;
    minTrl?: number;
  }>({});
  const recs = useRecommendations(needId, { ...filters, top: 10 });
  const accept = useCreatePairing();
  const [rejecting, setRejecting] = useState<RecommendedInstitute | null>(null);
  const doAccept = async (instituteId: string, achievementId: string | null) => {
    try {
      await accept.mutateAsync({ needId, instituteId, achievementId });
      message.success(t('mm.accepted'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const data = recs.data;
  return (
    <Panel>
      <Typography.Title level={5}>{t('mm.recommendations')}</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('mm.industry')}
          style={{ width: 150 }}
          value={filters.industryId}
          onChange={(industryId) => setFilters((f) => ({ ...f, industryId }))}
          options={(industries.data ?? []).map((i) => ({
            value: i.id,
            label: lang === 'zh' ? i.name : i.nameEn,
          }))}
        />
        <Input
          allowClear
          placeholder={t('mm.instituteCity')}
          style={{ width: 140 }}
          onChange={(e) => setFilters((f) => ({ ...f, city: e.target.value || undefined }))}
        />
        <Select
          allowClear
          placeholder={t('mm.instituteLevel')}
          style={{ width: 130 }}
          value={filters.level}
          onChange={(level) => setFilters((f) => ({ ...f, level }))}
          options={Object.entries(INSTITUTE_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder={t('mm.minTrl')}
          style={{ width: 130 }}
          value={filters.minTrl}
          onChange={(minTrl) => setFilters((f) => ({ ...f, minTrl }))}
          options={[3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: `TRL ≥ ${n}` }))}
        />
      </Flex>
      {recs.isError && <QueryError error={recs.error} onRetry={() => recs.refetch()} />}
      {recs.isPending && <PageLoading />}
      {data && (
        <Tabs
          items={[
            {
              key: 'institutes',
              label: `${t('mm.recInstitutes')} (${data.institutes.length})`,
              children:
                data.institutes.length === 0 ? (
                  <Empty description={t('mm.noRecommendations')} />
                ) : (
                  <Flex vertical gap={12}>
                    {data.institutes.map((inst, rank) => (
                      <Card
                        key={inst.instituteId}
                        size="small"
                        data-testid="recommended-institute"
                        title={
                          <Space wrap>
                            <span>
                              {rank + 1}. {inst.name}
                            </span>
                            <Typography.Text type="secondary">
                              {inst.city} ·{' '}
                              {INSTITUTE_LEVEL_LABELS[inst.level as keyof typeof INSTITUTE_LEVEL_LABELS] ??
                                inst.level}
                            </Typography.Text>
                            {inst.status === 'accepted' && <Tag color="green">{t('mm.statusAccepted')}</Tag>}
                            {inst.status === 'rejected' && (
                              <Tag>
                                {t('mm.statusRejected')}：
                                {inst.rejectionReason
                                  ? labelOf(
                                      REJECTION_REASON_LABELS,
                                      inst.rejectionReason as RejectionReason,
                                      lang,
                                    )
                                  : ''}
                              </Tag>
                            )}
                          </Space>
                        }
                        extra={
                          canAct &&
                          inst.status !== 'accepted' && (
                            <Space>
                              <Button
                                type="primary"
                                size="small"
                                loading={accept.isPending}
                                data-testid="accept-pairing"
                                onClick={() => doAccept(inst.instituteId, inst.achievements[0]?.id ?? null)}
                              >
                                {t('mm.accept')}
                              </Button>
                              <Button size="small" onClick={() => setRejecting(inst)}>
                                {t('mm.reject')}
                              </Button>
                            </Space>
                          )
                        }
                      >
                        <div style={{ marginBottom: 6 }}>
                          <Typography.Text type="secondary">{t('mm.matchedTerms')}：</Typography.Text>
                          <TermTags terms={inst.terms} />
                        </div>
                        {inst.achievements.map((a) => (
                          <AchievementCard key={a.id} a={a} />
                        ))}
                        {inst.experts.map((e) => (
                          <div key={e.id}>
                            <Typography.Text>
                              {t('mm.expert')}：{e.name} {e.title} —{' '}
                              <Highlighted text={e.field} terms={e.matches.map((m) => m.term)} />
                            </Typography.Text>
                          </div>
                        ))}
                      </Card>
                    ))}
                  </Flex>
                ),
            },
            {
              key: 'achievements',
              label: `${t('mm.recAchievements')} (${data.achievements.length})`,
              children: (
                <Flex vertical gap={12}>
                  {data.achievements.map((a) => (
                    <AchievementCard
                      key={a.id}
                      a={a}
                      onAccept={canAct ? () => doAccept(a.instituteId, a.id) : undefined}
                    />
                  ))}
                </Flex>
              ),
            },
            {
              key: 'experts',
              label: `${t('mm.recExperts')} (${data.experts.length})`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={data.experts}
                  columns={[
                    { title: t('mm.expert'), dataIndex: 'name', key: 'name' },
                    { title: t('mm.expertTitle'), dataIndex: 'title', key: 'title' },
                    { title: t('mm.institute'), dataIndex: 'instituteName', key: 'institute' },
                    {
                      title: t('mm.expertField'),
                      key: 'field',
                      render: (_, e) => <Highlighted text={e.field} terms={e.matches.map((m) => m.term)} />,
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      {rejecting && <RejectDialog needId={needId} institute={rejecting} onClose={() => setRejecting(null)} />}
    </Panel>
  );
}

function Pairings({ needId, canAct }: { needId: string; canAct: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const pairings = usePairings({ needId });
  const events = useEvents({ pageSize: 200 });
  const update = useUpdatePairing();
  const [signing, setSigning] = useState<Pairing | null>(null);
  const save = async (id: string, patch: { eventId?: string | null; outcome?: PairingOutcome }) => {
    try {
      await update.mutateAsync({ id, ...patch });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Panel>
      <Typography.Title level={5}>{t('mm.pairingsTitle')}</Typography.Title>
      <Table<Pairing>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="pairings"
        dataSource={pairings.data}
        scroll={{ x: 800 }}
        columns={[
          { title: t('mm.institute'), dataIndex: 'instituteName', key: 'institute' },
          {
            title: t('mm.achievement'),
            dataIndex: 'achievementTitle',
            key: 'achievement',
            render: (v) => v ?? '—',
          },
          {
            title: t('mm.event'),
            key: 'event',
            width: 260,
            render: (_, p) =>
              canAct ? (
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="pairing-event"
                  placeholder={t('mm.recordAtEvent')}
                  style={{ width: '100%' }}
                  value={p.eventId ?? undefined}
                  onChange={(eventId) => save(p.id, { eventId: eventId ?? null })}
                  options={(events.data?.items ?? []).map((e) => ({
                    value: e.id,
                    label: `${formatDate(e.heldOn, lang)} ${e.title}`,
                  }))}
                />
              ) : (
                (p.eventTitle ?? '—')
              ),
          },
          {
            title: t('mm.outcome'),
            key: 'outcome',
            width: 130,
            render: (_, p) =>
              canAct ? (
                <Select
                  style={{ width: '100%' }}
                  value={p.outcome}
                  onChange={(outcome) => save(p.id, { outcome })}
                  options={optionsOf(PAIRING_OUTCOME_LABELS, lang)}
                />
              ) : (
                labelOf(PAIRING_OUTCOME_LABELS, p.outcome, lang)
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_, p) =>
              can('project', 'create') && (
                <Button size="small" type="link" data-testid="sign-project" onClick={() => setSigning(p)}>
                  {t('mm.signProject')}
                </Button>
              ),
          },
        ]}
      />
      {signing && <ProjectFormDialog pairing={signing} onClose={() => setSigning(null)} />}
    </Panel>
  );
}

/** One need: its details, the bureau's stage moves, recommendations with reasons, pairings. */
export function NeedPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const need = useNeed(id);
  const [isEditing, setIsEditing] = useState(false);
  if (need.isPending) return <PageLoading />;
  if (need.isError) return <QueryError error={need.error} onRetry={() => need.refetch()} />;
  const n = need.data;
  const isOpen = n.stage === 'published' || n.stage === 'matching';
  const canAct = can('pairing', 'create');
  const mayEdit = can('need', 'update') && n.stage !== 'closed';
  return (
    <Page
      title={n.title}
      testId="need-page"
      back="/needs"
      crumbs={[{ title: t('mm.needs'), to: '/needs' }, { title: n.title }]}
      extra={
        <>
          {mayEdit && <Button onClick={() => setIsEditing(true)}>{t('common.edit')}</Button>}
          <NeedStageActions need={n} />
        </>
      }
    >
      <Panel>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('mm.stage')}>
            <NeedStageTag need={n} />
          </Descriptions.Item>
          <Descriptions.Item label={t('mm.enterprise')}>{n.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('mm.industry')}>{n.industryName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mm.budget')}>
            {n.budgetMaxFen === null ? '—' : `${yuan(n.budgetMinFen)} – ${yuan(n.budgetMaxFen)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('mm.cooperationForms')}>
            {n.cooperationForms.map((f) => labelOf(COOPERATION_FORM_LABELS, f, lang)).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('mm.contactName')}>
            {n.contactName} {n.contactPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t('mm.keywords')}>{n.keywords.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{formatDate(n.createdAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('mm.needDescription')} span={2}>
            {n.description}
          </Descriptions.Item>
        </Descriptions>
      </Panel>
      {can('pairing', 'read') && isOpen && <Recommendations needId={n.id} canAct={canAct} />}
      {can('pairing', 'read') && !isOpen && n.stage !== 'contracted' && n.stage !== 'closed' && (
        <Alert type="info" showIcon title={t('mm.publishFirst')} style={{ marginTop: 12 }} />
      )}
      {can('pairing', 'read') && <Pairings needId={n.id} canAct={canAct} />}
      {can('pairing', 'read') && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          <Link to="/events">{t('mm.events')}</Link>
        </Typography.Paragraph>
      )}
      {isEditing && <NeedFormDialog need={n} onClose={() => setIsEditing(false)} />}
    </Page>
  );
}
