import { Industry, type IndustryInput } from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

const IndustryList = Industry.array();

export function useIndustries(enabled = true) {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => api.get('/api/industries', IndustryList),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCreateIndustry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IndustryInput) => api.post('/api/industries', Industry, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['industries'] }),
  });
}
