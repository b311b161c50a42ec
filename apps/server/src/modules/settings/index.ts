/** Settings (本单位设置): what an office configures for itself, starting with its stage names (阶段名称). */

export { readCustomStages } from './operations/read-custom-stages.ts';
export { settingsRoutes } from './settings.routes.ts';
export {
  createSettingsService,
  readStageNames,
  resolvePipeline,
  type SettingsService,
} from './settings.service.ts';
export { customStages, stageLabels } from './settings.table.ts';
