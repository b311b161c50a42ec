import {
  ConfirmEnterpriseImportRoute,
  CreateEnterpriseRoute,
  DeleteEnterpriseRoute,
  type EnterpriseInput,
  type EnterpriseListQuery,
  ExportEnterprisesRoute,
  GetEnterpriseRoute,
  type ImportResult,
  ListEnterprisesRoute,
  PreviewEnterpriseImportRoute,
  RestoreEnterpriseRoute,
  UpdateEnterpriseRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, downloadRoute } from '../../ui/api.ts';
import { useImportJob } from '../../ui/import-job.tsx';

const KEY = 'enterprises';

/** A list request as the page builds it: page and size always set. */
export type EnterpriseQuery = Omit<EnterpriseListQuery, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};

export function useEnterprises(query: EnterpriseQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => call(ListEnterprisesRoute, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => call(GetEnterpriseRoute, { params: { id: id as string } }),
    enabled: Boolean(id),
  });
}

/** Saves the form; an edit carries the version the form was opened from (ui/edit-version.tsx). */
export function useSaveEnterprise(id: string | undefined, ifMatch?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput) =>
      id
        ? call(UpdateEnterpriseRoute, { params: { id }, body: input, ifMatch })
        : call(CreateEnterpriseRoute, { body: input }),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useSetEnterpriseDeleted() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isDeleted }: { id: string; isDeleted: boolean }) =>
      isDeleted
        ? call(DeleteEnterpriseRoute, { params: { id } })
        : call(RestoreEnterpriseRoute, { params: { id } }),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function exportEnterprises(query: EnterpriseQuery) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return downloadRoute(ExportEnterprisesRoute, { query: filters }, 'enterprises.xlsx');
}

/** Step 1 of an import: the server checks every row and keeps the upload; nothing is written. */
export function usePreviewEnterpriseImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return call(PreviewEnterpriseImportRoute, { form });
    },
  });
}

/** Step 2: writes the valid rows of the previewed upload. */
export function useConfirmEnterpriseImport() {
  const client = useQueryClient();
  const { job, follow } = useImportJob();
  const mutation = useMutation({
    mutationFn: async (token: string) =>
      follow<ImportResult>(await call(ConfirmEnterpriseImportRoute, { body: { token } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
  return { ...mutation, job };
}
