import {
  type AgendaDecisionInput,
  type AgendaProposalInput,
  type AgendaProposalStatus,
  DecideAgendaProposalRoute,
  ListAgendaProposalsRoute,
  ProposeAgendaItemRoute,
  type SupervisedItemType,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = 'roundtable-proposals';

/** Round-table proposals, newest first; all statuses when `status` is undefined. */
export function useProposals(status: AgendaProposalStatus | undefined) {
  return useQuery({
    queryKey: [KEY, 'list', status ?? 'all'],
    queryFn: () => call(ListAgendaProposalsRoute, { query: { status } }),
  });
}

/** The proposals of one item (newest first): what its page shows as a tag. */
export function useItemProposals(itemType: SupervisedItemType, itemId: string, isEnabled = true) {
  return useQuery({
    queryKey: [KEY, 'item', itemType, itemId],
    queryFn: () => call(ListAgendaProposalsRoute, { query: { itemType, itemId } }),
    enabled: isEnabled && Boolean(itemId),
  });
}

export function useDecideProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: AgendaDecisionInput & { id: string }) =>
      call(DecideAgendaProposalRoute, { params: { id }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useProposeItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AgendaProposalInput) => call(ProposeAgendaItemRoute, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}
