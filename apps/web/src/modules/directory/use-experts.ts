import { Expert, type ExpertInput, type ExpertListQuery, ExpertPage } from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

const KEY = 'experts';

export type ExpertQuery = Omit<ExpertListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export function useExperts(query: ExpertQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api.get('/api/experts', ExpertPage, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useExpert(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => api.get(`/api/experts/${id}`, Expert),
    enabled: Boolean(id),
  });
}

export function useSaveExpert(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpertInput) =>
      id ? api.put(`/api/experts/${id}`, Expert, input) : api.post('/api/experts', Expert, input),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useSetExpertDeleted() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isDeleted }: { id: string; isDeleted: boolean }) =>
      isDeleted ? api.delete(`/api/experts/${id}`, Expert) : api.post(`/api/experts/${id}/restore`, Expert),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}
