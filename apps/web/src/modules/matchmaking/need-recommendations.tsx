import type { NeedRecommendations, RecommendedInstitute } from '@gaodi/contracts';
import { Alert, App, Empty, Flex, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { PageLoading, Panel } from '../../ui/page.tsx';
import { Highlighted } from './matchmaking-labels.tsx';
import { RecommendationFilters, type RecommendationFilterValues } from './recommendation-filters.tsx';
import { AchievementCard, RejectDialog } from './recommendation-parts.tsx';
import { RecommendedInstituteCard } from './recommended-institute-card.tsx';
import { useCreatePairing, useRecommendations } from './use-matchmaking.ts';

/** 仅找到 N 个较相关的院所: said when fewer than asked were confident enough, instead of padding. */
function FewNote({ data }: { data: NeedRecommendations }) {
  const { t } = useI18n();
  if (data.institutes.length === 0 || data.institutes.length >= data.asked) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="recommendations-few"
      title={t('mm.fewInstitutes', { n: data.institutes.length })}
      description={data.weakInstitutes > 0 ? t('mm.weakHidden', { n: data.weakInstitutes }) : undefined}
    />
  );
}

function ExpertsTable({ data }: { data: NeedRecommendations }) {
  const { t } = useI18n();
  return (
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
  );
}

/** Recommended institutes, achievements and experts for a need, with accept and reject. */
export function Recommendations({ needId, canAct }: { needId: string; canAct: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<RecommendationFilterValues>({});
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
  const institutes = data && (
    <Flex vertical gap={12}>
      <FewNote data={data} />
      {data.institutes.length === 0 && <Empty description={t('mm.noRecommendations')} />}
      {data.institutes.map((inst, rank) => (
        <RecommendedInstituteCard
          key={inst.instituteId}
          inst={inst}
          rank={rank + 1}
          canAct={canAct}
          isAccepting={accept.isPending}
          onAccept={(achievementId) => doAccept(inst.instituteId, achievementId)}
          onReject={() => setRejecting(inst)}
        />
      ))}
    </Flex>
  );
  const achievements = data && (
    <Flex vertical gap={12}>
      {data.achievements.map((a) => (
        <AchievementCard
          key={a.id}
          a={a}
          onAccept={canAct ? () => doAccept(a.instituteId, a.id) : undefined}
        />
      ))}
    </Flex>
  );
  return (
    <Panel>
      <Typography.Title level={5}>{t('mm.recommendations')}</Typography.Title>
      <RecommendationFilters filters={filters} setFilters={setFilters} />
      {recs.isError && <QueryError error={recs.error} onRetry={() => recs.refetch()} />}
      {recs.isPending && <PageLoading />}
      {data && (
        <Tabs
          items={[
            {
              key: 'institutes',
              label: `${t('mm.recInstitutes')} (${data.institutes.length})`,
              children: institutes,
            },
            {
              key: 'achievements',
              label: `${t('mm.recAchievements')} (${data.achievements.length})`,
              children: achievements,
            },
            {
              key: 'experts',
              label: `${t('mm.recExperts')} (${data.experts.length})`,
              children: <ExpertsTable data={data} />,
            },
          ]}
        />
      )}
      {rejecting && <RejectDialog needId={needId} institute={rejecting} onClose={() => setRejecting(null)} />}
    </Panel>
  );
}
