import {
  CreateExpertRoute,
  DeleteExpertRoute,
  type ExpertInput,
  type ExpertListQuery,
  GetExpertRoute,
  ListExpertsRoute,
  RestoreExpertRoute,
  UpdateExpertRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = 'experts';

export type ExpertQuery = Omit<ExpertListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export function useExperts(query: ExpertQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => call(ListExpertsRoute, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useExpert(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => call(GetExpertRoute, { params: { id: id as string } }),
    enabled: Boolean(id),
  });
}

export function useSaveExpert(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpertInput) =>
      id
        ? call(UpdateExpertRoute, { params: { id }, body: input })
        : call(CreateExpertRoute, { body: input }),
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
      isDeleted ? call(DeleteExpertRoute, { params: { id } }) : call(RestoreExpertRoute, { params: { id } }),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}
