import {
  AGENDA_PROPOSAL_STATUSES,
  type AgendaDecisionInput,
  type AgendaProposal,
  AgendaProposalStatus,
} from '@gaodi/contracts';
import { Alert, Grid, Segmented } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { DecisionDialog } from './proposal-dialogs.tsx';
import { statusLabel } from './proposal-labels.tsx';
import { ProposalCards, ProposalTable } from './proposal-list.tsx';
import { useProposals } from './use-proposals.ts';

const URL_KEYS = ['status'] as const;

/**
 * 圆桌议题建议: red items proposed for a round-table agenda (by the lights job or from an item's
 * page). Leaders put each on the agenda or mark it "not now" with a reason; others read.
 */
export function ProposalsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const [state, update] = useUrlState(URL_KEYS);
  // Open proposals first: that is what a leader comes here to decide.
  const status =
    state.status === 'all' ? undefined : (AgendaProposalStatus.safeParse(state.status).data ?? 'proposed');
  const list = useProposals(status);
  const [deciding, setDeciding] = useState<{
    proposal: AgendaProposal;
    decision: AgendaDecisionInput['decision'];
  } | null>(null);
  const mayDecide = can('roundtable_proposal', 'update');
  // A leader decides from a phone as often as from a desk: cards below the md breakpoint.
  const isPhone = !Grid.useBreakpoint().md;
  const title = t('rt.proposals');
  const listProps = {
    proposals: list.data ?? [],
    isLoading: list.isPending,
    onDecide: mayDecide
      ? (proposal: AgendaProposal, decision: AgendaDecisionInput['decision']) =>
          setDeciding({ proposal, decision })
      : null,
  };
  return (
    <Page title={title} crumbs={[{ title: t('rt.nav') }, { title }]} testId="roundtable-proposals">
      <Panel>
        <Alert type="info" showIcon title={t('rt.hint')} style={{ marginBottom: 12 }} />
        <Segmented
          style={{ marginBottom: 12 }}
          value={status ?? 'all'}
          onChange={(v) => update({ status: v })}
          options={[
            ...AGENDA_PROPOSAL_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) })),
            { value: 'all', label: t('common.all') },
          ]}
        />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : isPhone ? (
          <ProposalCards {...listProps} />
        ) : (
          <ProposalTable {...listProps} />
        )}
      </Panel>
      {deciding && (
        <DecisionDialog
          proposal={deciding.proposal}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </Page>
  );
}
