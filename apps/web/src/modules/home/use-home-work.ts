import { GetHomeWorkRoute, type StagePipeline, type WorkKind } from '@gaodi/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

/** 待我处理: what waits for the signed-in user (the server picks the kinds by role). */
export function useHomeWork() {
  return useQuery({ queryKey: ['home', 'work'], queryFn: () => call(GetHomeWorkRoute, {}) });
}

/** The pipeline that names an item's stage, for the kinds whose records move through one. */
export const WORK_PIPELINE: Partial<Record<WorkKind, StagePipeline>> = {
  decision: 'decision',
  recruitment: 'recruitment',
  service_request: 'service_request',
  need: 'need',
  open_need: 'need',
  project: 'project',
};
