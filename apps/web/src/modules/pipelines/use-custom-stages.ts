import {
  AddCustomStageRoute,
  type CustomStageInput,
  type CustomStages,
  ListCustomStagesRoute,
  RetireCustomStageRoute,
  type StagePipeline,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';
import { useCan } from '../auth/use-session.ts';

export const CUSTOM_STAGES_KEY = ['settings', 'custom-stages'] as const;

/** The office's custom stages (its own and inherited), all pipelines. */
export function useCustomStagesQuery() {
  const can = useCan();
  return useQuery({
    queryKey: CUSTOM_STAGES_KEY,
    queryFn: () => call(ListCustomStagesRoute, {}),
    enabled: can('stage_label', 'read'),
    staleTime: 5 * 60_000,
  });
}

/** One pipeline's custom stages, in board order. */
export function useCustomStages(pipeline: StagePipeline): CustomStages['stages'] {
  const query = useCustomStagesQuery();
  return (query.data?.stages ?? []).filter((s) => s.pipeline === pipeline);
}

export function useAddCustomStage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomStageInput) => call(AddCustomStageRoute, { body: input }),
    onSuccess: (saved) => client.setQueryData(CUSTOM_STAGES_KEY, saved),
  });
}

export function useRetireCustomStage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (params: { pipeline: StagePipeline; code: string }) =>
      call(RetireCustomStageRoute, { params }),
    onSuccess: (saved) => client.setQueryData(CUSTOM_STAGES_KEY, saved),
  });
}
