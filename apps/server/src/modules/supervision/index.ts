/** Supervision (督办): lights, light history, escalation ladder and round-table proposals over any module's items. */

export { type SupervisedItemProvider, sqlItemProvider, stageIn } from './supervision.provider.ts';
export { supervisionRoutes } from './supervision.routes.ts';
export { computeLight, daysBetween, type SupervisedItem } from './supervision.rules.ts';
export {
  createSupervisionService,
  LIGHTS_JOB,
  lightsJob,
  type SupervisionService,
} from './supervision.service.ts';
export { supervisionLights } from './supervision.table.ts';
