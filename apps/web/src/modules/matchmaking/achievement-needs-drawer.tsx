import type { Achievement } from '@gaodi/contracts';
import { Drawer, Spin, Typography } from 'antd';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { useSession } from '../auth/use-session.ts';
import { RecommendedNeedsList } from './recommended-needs-list.tsx';
import { useAchievementNeeds } from './use-matchmaking.ts';

/** Which local enterprises' open needs one achievement could answer. */
export function AchievementNeedsDrawer({
  achievement,
  onClose,
}: {
  achievement: Achievement;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const me = useSession();
  const needs = useAchievementNeeds(achievement.id);
  return (
    <Drawer
      open
      size="large"
      title={t('mm.achievementNeeds')}
      onClose={onClose}
      data-testid="achievement-needs"
    >
      <Typography.Paragraph strong>{achievement.title}</Typography.Paragraph>
      {needs.isError ? (
        <QueryError error={needs.error} onRetry={() => needs.refetch()} />
      ) : needs.data ? (
        <RecommendedNeedsList needs={needs.data.needs} linked={me.role !== 'institute'} />
      ) : (
        <Spin />
      )}
    </Drawer>
  );
}
