import {
  AddTalentGroupRoute,
  AddTalentProgrammeRoute,
  ConfirmTalentImportRoute,
  CreateTalentRoute,
  ExportTalentLedgerRoute,
  GetTalentCatalogueRoute,
  GetTalentRoute,
  type ImportResult,
  ListTalentsRoute,
  PreviewTalentImportRoute,
  type TalentCatalogue,
  type TalentGroupInput,
  type TalentInput,
  type TalentListQuery,
  type TalentProgrammeInput,
  UpdateTalentRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, downloadRoute } from '../../ui/api.ts';
import { useImportJob } from '../../ui/import-job.tsx';

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

/** Adds a programme or a group to the region's catalogue; the answer is the whole catalogue. */
export function useAddToCatalogue() {
  const client = useQueryClient();
  const onSuccess = (catalogue: TalentCatalogue) => client.setQueryData([KEY, 'catalogue'], catalogue);
  return {
    programme: useMutation({
      mutationFn: (body: TalentProgrammeInput) => call(AddTalentProgrammeRoute, { body }),
      onSuccess,
    }),
    group: useMutation({
      mutationFn: (body: TalentGroupInput) => call(AddTalentGroupRoute, { body }),
      onSuccess,
    }),
  };
}

/** Step 1 of a 人才台账 import: every row checked, de-duplicated by ID number; nothing written. */
export function usePreviewTalentImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return call(PreviewTalentImportRoute, { form });
    },
  });
}

/** Step 2: writes the valid rows of the previewed upload. */
export function useConfirmTalentImport() {
  const client = useQueryClient();
  const { job, follow } = useImportJob();
  const mutation = useMutation({
    mutationFn: async (token: string) =>
      follow<ImportResult>(await call(ConfirmTalentImportRoute, { body: { token } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [KEY] });
      void client.invalidateQueries({ queryKey: ['elements'] });
    },
  });
  return { ...mutation, job };
}
