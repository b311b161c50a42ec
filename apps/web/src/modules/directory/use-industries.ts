import { CreateIndustryRoute, type IndustryInput, ListIndustriesRoute } from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

export function useIndustries(enabled = true) {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => call(ListIndustriesRoute, {}),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCreateIndustry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IndustryInput) => call(CreateIndustryRoute, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['industries'] }),
  });
}
