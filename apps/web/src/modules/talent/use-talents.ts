import {
  CreateTalentRoute,
  ExportTalentLedgerRoute,
  GetTalentCatalogueRoute,
  GetTalentRoute,
  ListTalentsRoute,
  type TalentInput,
  type TalentListQuery,
  UpdateTalentRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, downloadRoute } from '../../ui/api.ts';

const KEY = 'talents';

export function useTalents(query: TalentListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => call(ListTalentsRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useTalent(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => call(GetTalentRoute, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useTalentCatalogue() {
  return useQuery({
    queryKey: [KEY, 'catalogue'],
    queryFn: () => call(GetTalentCatalogueRoute, {}),
    staleTime: 60_000,
  });
}

export function useSaveTalent(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TalentInput) =>
      id ? call(UpdateTalentRoute, { params: { id }, body }) : call(CreateTalentRoute, { body }),
    onSuccess: (talent) => {
      client.setQueryData([KEY, 'one', talent.id], talent);
      void client.invalidateQueries({ queryKey: [KEY, 'list'] });
      void client.invalidateQueries({ queryKey: ['elements'] });
      void client.invalidateQueries({ queryKey: ['platforms'] });
    },
  });
}

export const exportTalentLedger = () => downloadRoute(ExportTalentLedgerRoute, {}, 'talent-ledger.xlsx');
