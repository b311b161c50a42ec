import {
  Enterprise,
  type EnterpriseInput,
  type EnterpriseListQuery,
  EnterprisePage,
  ImportPreview,
  ImportResult,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

const KEY = 'enterprises';

/** A list request as the page builds it: page and size always set. */
export type EnterpriseQuery = Omit<EnterpriseListQuery, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};

export function useEnterprises(query: EnterpriseQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api.get('/api/enterprises', EnterprisePage, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => api.get(`/api/enterprises/${id}`, Enterprise),
    enabled: Boolean(id),
  });
}

export function useSaveEnterprise(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EnterpriseInput) =>
      id
        ? api.put(`/api/enterprises/${id}`, Enterprise, input)
        : api.post('/api/enterprises', Enterprise, input),
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
        ? api.delete(`/api/enterprises/${id}`, Enterprise)
        : api.post(`/api/enterprises/${id}/restore`, Enterprise),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function exportEnterprises(query: EnterpriseQuery) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return api.download('/api/enterprises/export.xlsx', filters, 'enterprises.xlsx');
}

/** Step 1 of an import: the server checks every row and keeps the upload; nothing is written. */
export function usePreviewEnterpriseImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload('/api/enterprises/import', ImportPreview, form);
    },
  });
}

/** Step 2: writes the valid rows of the previewed upload. */
export function useConfirmEnterpriseImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post('/api/enterprises/import/confirm', ImportResult, { token }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}
