import { Button, Empty, Flex, List, Segmented, Typography } from 'antd';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { DecisionCard } from './decision-card.tsx';
import { downloadDecisionLedger, useDecisions } from './use-roundtable.ts';

const VIEWS = ['open', 'overdue', 'mine', 'all'] as const;
type View = (typeof VIEWS)[number];
const URL_KEYS = ['view'] as const;

/** 议定事项督办: open, overdue (the leader's list), the reader's own, all; proof and closing on each. */
export function DecisionsPage() {
  const { t } = useI18n();
  const can = useCan();
  const [state, update] = useUrlState(URL_KEYS);
  const view: View = (VIEWS as readonly string[]).includes(state.view ?? '') ? (state.view as View) : 'open';
  const decisions = useDecisions(view);
  const viewLabel: Record<View, string> = {
    open: t('mt.viewOpen'),
    overdue: t('mt.viewOverdue'),
    mine: t('mt.viewMine'),
    all: t('mt.viewAll'),
  };
  if (decisions.isError) return <QueryError error={decisions.error} onRetry={() => decisions.refetch()} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }} data-testid="decisions-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('mt.decisionsNav')}
        </Typography.Title>
        {can('roundtable', 'export') && (
          <Button onClick={() => downloadDecisionLedger()}>{t('mt.ledger')}</Button>
        )}
      </Flex>
      <Segmented
        value={view}
        onChange={(v) => update({ view: v as string })}
        options={VIEWS.map((v) => ({ value: v, label: viewLabel[v] }))}
      />
      <List
        loading={decisions.isPending}
        dataSource={decisions.data ?? []}
        locale={{ emptyText: <Empty description={t('mt.noDecisions')} /> }}
        renderItem={(d) => (
          <div style={{ marginBottom: 8 }}>
            <DecisionCard decision={d} showMeeting />
          </div>
        )}
      />
    </Flex>
  );
}
