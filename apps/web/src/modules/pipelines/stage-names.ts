import type { CustomStage, StagePipeline, StagePosition } from '@gaodi/contracts';
import { useCallback } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { useStageLabels } from '../settings/use-stage-labels.ts';
import { useCustomStages } from './use-custom-stages.ts';

/**
 * Names of stage positions (built-in stage + maybe a custom stage inside it) of one pipeline, in
 * the office's names: `nameOf({stage:'negotiating', subStage:'c_x'})` → "洽谈 · 尽职调查".
 */
export function usePositionNames(pipeline: StagePipeline) {
  const { t } = useI18n();
  const { stageName } = useStageLabels();
  const custom = useCustomStages(pipeline);
  const customName = useCallback(
    (code: string) => custom.find((c: CustomStage) => c.code === code)?.label ?? null,
    [custom],
  );
  const nameOf = useCallback(
    (p: StagePosition<string>) => {
      const base = stageName(pipeline, p.stage);
      const sub = p.subStage ? customName(p.subStage) : null;
      return sub ? t('pipeline.inside', { stage: base, sub }) : base;
    },
    [pipeline, stageName, customName, t],
  );
  /** Names by code, built-in and custom: what checkMove needs. */
  const names = useCallback(
    (stages: readonly string[]) => ({
      ...Object.fromEntries(stages.map((s) => [s, stageName(pipeline, s)])),
      ...Object.fromEntries(custom.map((c) => [c.code, c.label])),
    }),
    [custom, pipeline, stageName],
  );
  return { nameOf, names, custom };
}
