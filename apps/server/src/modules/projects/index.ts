/** Cooperation projects (合作项目): parties, helper, milestones, outputs, stages to landing. */
export type { ProjectDeps } from './projects.deps.ts';
export { projectsRoutes } from './projects.routes.ts';
export { projectSupervisedItems } from './projects.supervision.ts';
export {
  cooperationProjects,
  projectEntries,
  projectHelperAssignments,
  projectMilestones,
  projectOutputs,
  projectParties,
} from './projects.table.ts';
