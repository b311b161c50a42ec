import type { StageLabel, StagePipeline } from '@gaodi/contracts';
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../ui/api.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useSaveStageLabels } from './use-stage-labels.ts';

/** The names and descriptions typed so far, by stage. */
export type Draft = Record<string, { label: string; description: string }>;

const draftOf = (stages: readonly StageLabel[]): Draft =>
  Object.fromEntries(
    stages.map((s) => [s.stage, { label: s.own.label ?? '', description: s.own.description ?? '' }]),
  );

/**
 * One pipeline's own stage names being edited: the draft, the problems by `stage.field` (and
 * those that name no field), `edit` and `submit` (save, or clear every own name).
 */
export function useStageLabelDraft(pipeline: StagePipeline, stages: readonly StageLabel[]) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useSaveStageLabels();
  const [draft, setDraft] = useState<Draft>(() => draftOf(stages));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  // A save (or a region switch) brings new names: start again from what is stored.
  useEffect(() => {
    setDraft(draftOf(stages));
  }, [stages]);

  const submit = async (clearAll: boolean) => {
    setError(null);
    setErrors({});
    const body = {
      pipeline,
      stages: stages.map((s) => ({
        stage: s.stage,
        label: clearAll ? null : draft[s.stage]?.label.trim() || null,
        description: clearAll ? null : draft[s.stage]?.description.trim() || null,
      })),
    };
    try {
      await save.mutateAsync(body);
      message.success(clearAll ? t('stageNames.cleared') : t('stageNames.saved'));
    } catch (e) {
      if (isApiError(e) && e.fields.length > 0) {
        const byStage: Record<string, string> = {};
        const rest: string[] = [];
        for (const f of e.fields) {
          const m = /^stages\.(\d+)\.(label|description|stage)$/.exec(f.path);
          const stage = m ? body.stages[Number(m[1])]?.stage : undefined;
          if (stage) byStage[`${stage}.${m?.[2]}`] = f.message;
          else rest.push(f.message);
        }
        setErrors(byStage);
        if (rest.length > 0) setError(rest.join('；'));
      } else setError(e instanceof Error ? e.message : String(e));
    }
  };

  const edit = (stage: string, field: 'label' | 'description', value: string) => {
    setDraft((d) => ({
      ...d,
      [stage]: { label: d[stage]?.label ?? '', description: d[stage]?.description ?? '', [field]: value },
    }));
    setErrors((es) => {
      const { [`${stage}.${field}`]: _gone, ...rest } = es;
      return rest;
    });
  };

  return { draft, errors, error, edit, submit, isSaving: save.isPending };
}
