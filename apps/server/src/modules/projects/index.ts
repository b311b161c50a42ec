/** Cooperation projects (合作项目): parties, helper, milestones, outputs, stages to landing. */
export {
  cooperationProjects,
  projectEntries,
  projectHelperAssignments,
  projectMilestones,
  projectOutputs,
  projectParties,
} from './projects.table.ts';
