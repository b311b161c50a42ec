import {
  type AssessmentInput,
  type EvidenceInput,
  GetIndustryOverviewRoute,
  GetPlatformRoute,
  ListIndustryCardsRoute,
  ListPlatformsRoute,
  type PlatformListQuery,
  type PlatformRegisterInput,
  RegisterPlatformRoute,
  SavePlatformAssessmentRoute,
  SavePlatformEvidenceRoute,
  UpdatePlatformRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = 'platforms';

export function usePlatformList(query: PlatformListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => call(ListPlatformsRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function usePlatform(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => call(GetPlatformRoute, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** Every write answers the platform's page; it replaces the cached one and refreshes lists. */
function useSave<V>(send: (v: V) => ReturnType<typeof call<typeof GetPlatformRoute>>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData([KEY, 'one', detail.id], detail);
      void client.invalidateQueries({ queryKey: [KEY, 'list'] });
      void client.invalidateQueries({ queryKey: ['elements'] });
    },
  });
}

export const useRegisterPlatform = () =>
  useSave((body: PlatformRegisterInput) => call(RegisterPlatformRoute, { body }));
export const useUpdatePlatform = (id: string) =>
  useSave((body: PlatformRegisterInput) => call(UpdatePlatformRoute, { params: { id }, body }));
export const useSaveEvidence = (id: string) =>
  useSave((body: EvidenceInput) => call(SavePlatformEvidenceRoute, { params: { id }, body }));
export const useSaveAssessment = (id: string) =>
  useSave((body: AssessmentInput) => call(SavePlatformAssessmentRoute, { params: { id }, body }));

export function useIndustryCards() {
  return useQuery({ queryKey: ['elements', 'cards'], queryFn: () => call(ListIndustryCardsRoute, {}) });
}

export function useIndustryOverview(id: string | undefined) {
  return useQuery({
    queryKey: ['elements', 'one', id],
    queryFn: () => call(GetIndustryOverviewRoute, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}
