import { type UserCreateInput, UserSummary, type UserUpdateInput } from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

const KEY = ['users'];

export function useUsers() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get('/api/users', UserSummary.array()) });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => api.post('/api/users', UserSummary, input),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserUpdateInput }) =>
      api.patch(`/api/users/${id}`, UserSummary, patch),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
