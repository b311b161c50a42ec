import {
  INSTITUTE_LEVEL_LABELS,
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
import { QueryError } from '../../ui/error-pages.tsx';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { PageLoading, Panel } from '../../ui/page.tsx';
import { useIndustries } from '../directory/use-industries.ts';
import { Highlighted, labelOf, optionsOf, TermTags } from './matchmaking-labels.tsx';
import { useCreatePairing, useRecommendations, useReject } from './use-matchmaking.ts';

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

/** Recommended institutes, achievements and experts for an open need, with accept and reject. */
export function Recommendations({ needId, canAct }: { needId: string; canAct: boolean }) {
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
