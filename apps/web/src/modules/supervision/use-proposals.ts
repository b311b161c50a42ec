import {
  type AgendaDecisionInput,
  AgendaProposal,
  type AgendaProposalInput,
  type AgendaProposalStatus,
  type SupervisedItemType,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../ui/api.ts';

const KEY = 'roundtable-proposals';
const ProposalList = z.array(AgendaProposal);

/** Round-table proposals, newest first; all statuses when `status` is undefined. */
export function useProposals(status: AgendaProposalStatus | undefined) {
  return useQuery({
    queryKey: [KEY, 'list', status ?? 'all'],
    queryFn: () => api.get('/api/supervision/proposals', ProposalList, { status }),
  });
}

/** The proposals of one item (newest first): what its page shows as a tag. */
export function useItemProposals(itemType: SupervisedItemType, itemId: string, isEnabled = true) {
  return useQuery({
    queryKey: [KEY, 'item', itemType, itemId],
    queryFn: () => api.get('/api/supervision/proposals', ProposalList, { itemType, itemId }),
    enabled: isEnabled && Boolean(itemId),
  });
}

export function useDecideProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: AgendaDecisionInput & { id: string }) =>
      api.post(`/api/supervision/proposals/${id}/decision`, AgendaProposal, input),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useProposeItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AgendaProposalInput) => api.post('/api/supervision/proposals', AgendaProposal, input),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}
