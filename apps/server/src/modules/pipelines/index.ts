/**
 * Pipelines (流程): the one mechanism that moves a record of any pipeline declared in contracts
 * (recruitment records, needs, projects, and every new domain's records). A module gives an
 * adapter (lock, save, what else a move writes); `moveStage` does the rest.
 */
export {
  chinaToday,
  createStageMover,
  type Move,
  type MoveInput,
  type PipelineAdapter,
  type PipelineRecord,
  type StageMover,
} from './operations/move-stage.ts';
