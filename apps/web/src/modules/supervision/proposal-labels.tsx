import {
  AGENDA_PROPOSAL_STATUS_LABELS,
  type AgendaProposalStatus,
  type SupervisedItemType,
} from '@gaodi/contracts';
import { Tag } from 'antd';
import type { Lang } from '../../ui/i18n.tsx';

const STATUS_EN: Record<AgendaProposalStatus, string> = {
  proposed: 'Proposed for a round-table',
  accepted: 'On the round-table agenda',
  dismissed: 'Not now',
};
const STATUS_COLOR: Record<AgendaProposalStatus, string> = {
  proposed: 'orange',
  accepted: 'blue',
  dismissed: 'default',
};
const ITEM_TYPE_LABELS: Record<SupervisedItemType, [string, string]> = {
  recruitment: ['招引', 'Recruitment'],
  project: ['合作项目', 'Project'],
  service_request: ['帮办诉求', 'Service request'],
  decision: ['圆桌议定事项', 'Round-table decision'],
};

export const statusLabel = (s: AgendaProposalStatus, lang: Lang) =>
  lang === 'en' ? STATUS_EN[s] : AGENDA_PROPOSAL_STATUS_LABELS[s];

export const itemTypeLabel = (t: SupervisedItemType, lang: Lang) =>
  ITEM_TYPE_LABELS[t][lang === 'en' ? 1 : 0];

export function ProposalStatusTag({ status, lang }: { status: AgendaProposalStatus; lang: Lang }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={`proposal-${status}`}>
      {statusLabel(status, lang)}
    </Tag>
  );
}
