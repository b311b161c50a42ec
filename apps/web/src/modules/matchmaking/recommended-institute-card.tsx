import {
  INSTITUTE_LEVEL_LABELS,
  REJECTION_REASON_LABELS,
  type RecommendedInstitute,
  type RejectionReason,
} from '@gaodi/contracts';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import { Highlighted, labelOf, TermTags } from './matchmaking-labels.tsx';
import { AchievementCard } from './recommendation-parts.tsx';

/** One recommended institute: why (its reasons), what carried it, and what became of it. */
export function RecommendedInstituteCard({
  inst,
  rank,
  canAct,
  isAccepting,
  onAccept,
  onReject,
}: {
  inst: RecommendedInstitute;
  rank: number;
  canAct: boolean;
  isAccepting: boolean;
  onAccept: (achievementId: string | null) => void;
  onReject: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Card
      size="small"
      data-testid="recommended-institute"
      title={
        <Space wrap>
          <span>
            {rank}. {inst.name}
          </span>
          <Typography.Text type="secondary">
            {inst.city} ·{' '}
            {INSTITUTE_LEVEL_LABELS[inst.level as keyof typeof INSTITUTE_LEVEL_LABELS] ?? inst.level}
          </Typography.Text>
          {inst.status === 'accepted' && <Tag color="green">{t('mm.statusAccepted')}</Tag>}
          {inst.status === 'rejected' && (
            <Tag>
              {t('mm.statusRejected')}：
              {inst.rejectionReason
                ? labelOf(REJECTION_REASON_LABELS, inst.rejectionReason as RejectionReason, lang)
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
              loading={isAccepting}
              data-testid="accept-pairing"
              onClick={() => onAccept(inst.achievements[0]?.id ?? null)}
            >
              {t('mm.accept')}
            </Button>
            <Button size="small" onClick={onReject}>
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
  );
}
