import {
  CreateIndustryRoute,
  type Industry,
  type IndustryInput,
  ListIndustriesRoute,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n.tsx';

/** The taxonomy as entered, both names (the industries page edits them). */
export function useIndustryTaxonomy(enabled = true) {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => call(ListIndustriesRoute, {}),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/**
 * The industries as the user reads them: `name` is in the user's language (the English name in
 * English), so every select and list built on it names industries in it, never by code.
 */
export function useIndustries(enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => call(ListIndustriesRoute, {}),
    staleTime: 5 * 60_000,
    enabled,
    select: (list: Industry[]) =>
      lang === 'en' ? list.map((i) => ({ ...i, name: i.nameEn || i.name })) : list,
  });
}

export function useCreateIndustry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IndustryInput) => call(CreateIndustryRoute, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['industries'] }),
  });
}
