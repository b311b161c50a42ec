import type { SupervisedItemType } from '@gaodi/contracts';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { storedReasonText } from './light-tag.tsx';
import { ProposeDialog } from './proposal-dialogs.tsx';
import { ProposalStatusTag } from './proposal-labels.tsx';
import { useItemProposals } from './use-proposals.ts';

/**
 * On a record's or project's page: its round-table proposal as a tag (已提请圆桌 / 已列入圆桌议程),
 * or, while it is red and has none, a button to propose it (a leader puts it on the agenda at once).
 */
export function RoundtableTag({
  itemType,
  itemId,
  title,
  isRed,
}: {
  itemType: SupervisedItemType;
  itemId: string;
  title: string;
  isRed: boolean;
}) {
  const { t, lang } = useI18n();
  const can = useCan();
  const mayRead = can('roundtable_proposal', 'read');
  const proposals = useItemProposals(itemType, itemId, mayRead);
  const [isProposing, setIsProposing] = useState(false);
  if (!mayRead || !proposals.data) return null;
  const latest = proposals.data[0];
  if (latest) {
    const why = latest.decisionNote || storedReasonText(latest.reason, lang);
    return (
      <Tooltip title={why}>
        <span data-testid="roundtable-tag">
          <ProposalStatusTag status={latest.status} lang={lang} />
        </span>
      </Tooltip>
    );
  }
  if (!isRed || !can('roundtable_proposal', 'create')) return null;
  const isLeader = can('roundtable_proposal', 'update');
  return (
    <>
      <Button size="small" danger onClick={() => setIsProposing(true)} data-testid="roundtable-propose">
        {isLeader ? t('rt.accept') : t('rt.propose')}
      </Button>
      {isProposing && (
        <ProposeDialog
          itemType={itemType}
          itemId={itemId}
          title={title}
          isLeader={isLeader}
          onClose={() => setIsProposing(false)}
        />
      )}
    </>
  );
}
