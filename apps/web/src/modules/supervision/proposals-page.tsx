import {
  AGENDA_PROPOSAL_STATUSES,
  type AgendaDecisionInput,
  type AgendaProposal,
  AgendaProposalStatus,
} from '@gaodi/contracts';
import { Alert, Button, Card, Empty, Flex, Grid, List, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { LightTag, storedReasonText } from './light-tag.tsx';
import { DecisionDialog } from './proposal-dialogs.tsx';
import { itemTypeLabel, ProposalStatusTag, statusLabel } from './proposal-labels.tsx';
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
  const itemOf = (p: AgendaProposal) => (
    <Flex gap={6} align="center" wrap>
      <Tag>{itemTypeLabel(p.itemType, lang)}</Tag>
      {p.link ? <Link to={p.link}>{p.title}</Link> : p.title}
    </Flex>
  );
  const proposedOf = (p: AgendaProposal) => (
    <>
      <div>{formatDate(p.proposedAt, lang)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {p.proposedByName ?? t('rt.byJob')}
      </Typography.Text>
    </>
  );
  const statusOf = (p: AgendaProposal) => (
    <>
      <ProposalStatusTag status={p.status} lang={lang} />
      {p.decidedAt && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rt.decidedBy', { name: p.decidedByName ?? '—', date: formatDate(p.decidedAt, lang) })}
          </Typography.Text>
        </div>
      )}
      {p.decisionNote && <div style={{ fontSize: 12 }}>{p.decisionNote}</div>}
    </>
  );
  const actionsOf = (p: AgendaProposal) =>
    mayDecide &&
    p.status === 'proposed' && (
      <Flex gap={8} wrap>
        <Button
          type="primary"
          size="small"
          data-testid="proposal-accept"
          onClick={() => setDeciding({ proposal: p, decision: 'accepted' })}
        >
          {t('rt.accept')}
        </Button>
        <Button
          size="small"
          data-testid="proposal-dismiss"
          onClick={() => setDeciding({ proposal: p, decision: 'dismissed' })}
        >
          {t('rt.dismiss')}
        </Button>
      </Flex>
    );
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
          <List<AgendaProposal>
            loading={list.isPending}
            dataSource={list.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            renderItem={(p) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid="proposal-row">
                <Flex justify="space-between" align="start" gap={8}>
                  {itemOf(p)}
                  <LightTag light={{ light: p.light }} lang={lang} />
                </Flex>
                <Typography.Paragraph style={{ margin: '8px 0' }}>
                  {storedReasonText(p.reason, lang)}
                </Typography.Paragraph>
                <Flex justify="space-between" align="end" gap={8} wrap>
                  <div>{proposedOf(p)}</div>
                  <div style={{ textAlign: 'right' }}>{statusOf(p)}</div>
                </Flex>
                <div style={{ marginTop: 8 }}>{actionsOf(p)}</div>
              </Card>
            )}
          />
        ) : (
          <Table<AgendaProposal>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data ?? []}
            pagination={{
              pageSize: 20,
              hideOnSinglePage: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            scroll={{ x: 960 }}
            onRow={() => ({ 'data-testid': 'proposal-row' }) as object}
            columns={[
              { title: t('rt.item'), key: 'title', width: 220, render: (_, p) => itemOf(p) },
              {
                title: t('rt.reason'),
                key: 'reason',
                width: 320,
                render: (_, p) => storedReasonText(p.reason, lang),
              },
              {
                title: t('rt.light'),
                key: 'light',
                width: 110,
                render: (_, p) => <LightTag light={{ light: p.light }} lang={lang} />,
              },
              { title: t('rt.proposedAt'), key: 'proposedAt', width: 150, render: (_, p) => proposedOf(p) },
              { title: t('common.status'), key: 'status', width: 220, render: (_, p) => statusOf(p) },
              ...(mayDecide
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 200,
                      render: (_: unknown, p: AgendaProposal) => actionsOf(p),
                    },
                  ]
                : []),
            ]}
          />
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
