import { Institute, type InstituteInput, type InstituteListQuery, InstitutePage } from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

const KEY = 'institutes';

export type InstituteQuery = Omit<InstituteListQuery, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};

export function useInstitutes(query: InstituteQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api.get('/api/institutes', InstitutePage, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** All institutes of the region for a select (the API caps a page at 200). */
export function useInstituteOptions(enabled = true) {
  return useInstitutes({ page: 1, pageSize: 200, sort: 'name', order: 'asc' }, enabled);
}

export function useInstitute(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => api.get(`/api/institutes/${id}`, Institute),
    enabled: Boolean(id),
  });
}

export function useSaveInstitute(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InstituteInput) =>
      id ? api.put(`/api/institutes/${id}`, Institute, input) : api.post('/api/institutes', Institute, input),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useSetInstituteDeleted() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isDeleted }: { id: string; isDeleted: boolean }) =>
      isDeleted
        ? api.delete(`/api/institutes/${id}`, Institute)
        : api.post(`/api/institutes/${id}/restore`, Institute),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}
