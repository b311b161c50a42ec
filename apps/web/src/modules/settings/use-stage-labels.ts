import {
  DEFAULT_STAGE_NAMES,
  GetStageLabelsRoute,
  SaveStageLabelsRoute,
  type StageLabels,
  type StageLabelsInput,
  type StagePipeline,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../ui/api.ts';
import type { Lang } from '../../ui/i18n.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';

export const STAGE_LABELS_KEY = ['settings', 'stage-labels'] as const;

type Names = Partial<Record<StagePipeline, Record<string, string>>>;

/**
 * The office's stage names of the active region, as last loaded. Kept here (not only in the query
 * cache) so the plain label helpers (`stageLabel`, `labelOf`) that pages call while rendering
 * resolve them too; StageNamesReady loads them before any page renders.
 */
let officeNames: Names = {};

export function setOfficeStageNames(labels: StageLabels | null) {
  officeNames = Object.fromEntries(
    (labels?.pipelines ?? []).map((p) => [
      p.pipeline,
      Object.fromEntries(p.stages.map((s) => [s.stage, s.name])),
    ]),
  );
}

/**
 * A stage's name: the office's (its own, else a region above it) in Chinese. Offices write their
 * names in Chinese, so the English UI keeps the built-in English name.
 */
export function stageNameOf(pipeline: StagePipeline, code: string, lang: Lang): string {
  const builtIn = DEFAULT_STAGE_NAMES[pipeline][code];
  if (lang === 'en') return builtIn?.en ?? code;
  return officeNames[pipeline]?.[code] ?? builtIn?.zh ?? code;
}

/** The effective stage names with where each comes from (for whoever may read them). */
export function useStageLabelsQuery() {
  const can = useCan();
  return useQuery({
    queryKey: STAGE_LABELS_KEY,
    queryFn: () => call(GetStageLabelsRoute, {}),
    enabled: can('stage_label', 'read'),
    staleTime: 5 * 60_000,
  });
}

/** `stageName(pipeline, code)` in the user's language, with the office's names: the one way to name a stage. */
export function useStageLabels() {
  const { lang } = useI18n();
  const query = useStageLabelsQuery();
  const data = query.data;
  const stageName = useCallback(
    (pipeline: StagePipeline, code: string) => {
      const builtIn = DEFAULT_STAGE_NAMES[pipeline][code];
      if (lang === 'en') return builtIn?.en ?? code;
      const own = data?.pipelines.find((p) => p.pipeline === pipeline)?.stages.find((s) => s.stage === code);
      return own?.name ?? stageNameOf(pipeline, code, lang);
    },
    [data, lang],
  );
  return { stageName, labels: data, query };
}

export function useSaveStageLabels() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StageLabelsInput) => call(SaveStageLabelsRoute, { body: input }),
    onSuccess: (saved) => {
      setOfficeStageNames(saved);
      client.setQueryData(STAGE_LABELS_KEY, saved);
    },
  });
}
