import type { AgendaDecisionInput, AgendaProposal } from '@gaodi/contracts';
import { Button, Card, Empty, Flex, List, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { LightTag, storedReasonText } from './light-tag.tsx';
import { itemTypeLabel, ProposalStatusTag } from './proposal-labels.tsx';

/** A leader's choice on a proposal, opened in the decision dialog. */
export type Decide = (proposal: AgendaProposal, decision: AgendaDecisionInput['decision']) => void;

type ListProps = {
  proposals: AgendaProposal[];
  isLoading: boolean;
  /** Set when the reader may decide: the accept / dismiss buttons call it. */
  onDecide: Decide | null;
};

/** The item proposed: its kind and its title, linked to its page. */
function ProposalItem({ p }: { p: AgendaProposal }) {
  const { lang } = useI18n();
  return (
    <Flex gap={6} align="center" wrap>
      <Tag>{itemTypeLabel(p.itemType, lang)}</Tag>
      {p.link ? <Link to={p.link}>{p.title}</Link> : p.title}
    </Flex>
  );
}

/** When, and by whom (or by the lights job), it was proposed. */
function ProposalProposed({ p }: { p: AgendaProposal }) {
  const { t, lang } = useI18n();
  return (
    <>
      <div>{formatDate(p.proposedAt, lang)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {p.proposedByName ?? t('rt.byJob')}
      </Typography.Text>
    </>
  );
}

/** Its status, who decided when, and the decision's note. */
function ProposalStatus({ p }: { p: AgendaProposal }) {
  const { t, lang } = useI18n();
  return (
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
}

/** Put on the agenda / not now, for an open proposal and a reader who may decide. */
function ProposalActions({ p, onDecide }: { p: AgendaProposal; onDecide: Decide | null }) {
  const { t } = useI18n();
  if (!onDecide || p.status !== 'proposed') return null;
  return (
    <Flex gap={8} wrap>
      <Button
        type="primary"
        size="small"
        data-testid="proposal-accept"
        onClick={() => onDecide(p, 'accepted')}
      >
        {t('rt.accept')}
      </Button>
      <Button size="small" data-testid="proposal-dismiss" onClick={() => onDecide(p, 'dismissed')}>
        {t('rt.dismiss')}
      </Button>
    </Flex>
  );
}

/** Proposals as cards (a leader on a phone). */
export function ProposalCards({ proposals, isLoading, onDecide }: ListProps) {
  const { lang } = useI18n();
  return (
    <List<AgendaProposal>
      loading={isLoading}
      dataSource={proposals}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      renderItem={(p) => (
        <Card size="small" style={{ marginBottom: 8 }} data-testid="proposal-row">
          <Flex justify="space-between" align="start" gap={8}>
            <ProposalItem p={p} />
            <LightTag light={{ light: p.light }} lang={lang} />
          </Flex>
          <Typography.Paragraph style={{ margin: '8px 0' }}>
            {storedReasonText(p.reason, lang)}
          </Typography.Paragraph>
          <Flex justify="space-between" align="end" gap={8} wrap>
            <div>
              <ProposalProposed p={p} />
            </div>
            <div style={{ textAlign: 'right' }}>
              <ProposalStatus p={p} />
            </div>
          </Flex>
          <div style={{ marginTop: 8 }}>
            <ProposalActions p={p} onDecide={onDecide} />
          </div>
        </Card>
      )}
    />
  );
}

/** Proposals as a table (a desk). */
export function ProposalTable({ proposals, isLoading, onDecide }: ListProps) {
  const { t, lang } = useI18n();
  return (
    <Table<AgendaProposal>
      rowKey="id"
      size="middle"
      loading={isLoading}
      dataSource={proposals}
      pagination={{
        pageSize: 20,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total }),
      }}
      scroll={{ x: 960 }}
      onRow={() => ({ 'data-testid': 'proposal-row' }) as object}
      columns={[
        { title: t('rt.item'), key: 'title', width: 220, render: (_, p) => <ProposalItem p={p} /> },
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
        {
          title: t('rt.proposedAt'),
          key: 'proposedAt',
          width: 150,
          render: (_, p) => <ProposalProposed p={p} />,
        },
        { title: t('common.status'), key: 'status', width: 220, render: (_, p) => <ProposalStatus p={p} /> },
        ...(onDecide
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 200,
                render: (_: unknown, p: AgendaProposal) => <ProposalActions p={p} onDecide={onDecide} />,
              },
            ]
          : []),
      ]}
    />
  );
}
