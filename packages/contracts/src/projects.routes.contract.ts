import { z } from 'zod';
import { IdParams } from './common.contract.ts';
import {
  HelperAssignInput,
  Project,
  ProjectCounts,
  ProjectCountsQuery,
  ProjectEntryInput,
  ProjectHelper,
  ProjectInput,
  ProjectListQuery,
  ProjectMilestoneInput,
  ProjectMilestoneParams,
  ProjectOutputInput,
  ProjectPage,
  ProjectStageInput,
  ProjectUpdateInput,
} from './projects.contract.ts';
import { defineRoute } from './route.ts';

/** The routes of cooperation projects (合作项目), declared once for the server and the web. */

const tags = ['projects'] as const;
const read = { resource: 'project', action: 'read' } as const;
const update = { resource: 'project', action: 'update' } as const;

export const ListProjectsRoute = defineRoute({
  method: 'GET',
  path: '/api/projects',
  summary: '合作项目列表（mine=true：我的帮办项目）',
  tags,
  access: read,
  query: ProjectListQuery,
  response: ProjectPage,
});
export const GetProjectCountsRoute = defineRoute({
  method: 'GET',
  path: '/api/projects/counts',
  summary: '年度签约、落地项目数（每个项目只在转化地计一次）',
  tags,
  access: read,
  query: ProjectCountsQuery,
  response: ProjectCounts,
});
export const ListProjectHelpersRoute = defineRoute({
  method: 'GET',
  path: '/api/projects/helpers',
  summary: '可指定的帮办专员（仅能编辑项目的局内角色）',
  tags,
  // Who may assign a helper; enterprise and institute users never get the county's helper list.
  access: { resource: 'project', action: 'update' },
  response: z.array(ProjectHelper),
});
export const CreateProjectRoute = defineRoute({
  method: 'POST',
  path: '/api/projects',
  summary: '登记合作项目（可由对接记录生成）',
  tags,
  access: { resource: 'project', action: 'create' },
  body: ProjectInput,
  response: Project,
});
export const GetProjectRoute = defineRoute({
  method: 'GET',
  path: '/api/projects/:id',
  summary: '合作项目详情',
  tags,
  access: read,
  params: IdParams,
  response: Project,
});
export const UpdateProjectRoute = defineRoute({
  method: 'PATCH',
  path: '/api/projects/:id',
  summary: '修改合作项目',
  tags,
  access: update,
  params: IdParams,
  body: ProjectUpdateInput,
  response: Project,
});
export const MoveProjectStageRoute = defineRoute({
  method: 'POST',
  path: '/api/projects/:id/stage',
  summary: '项目阶段变更（可进入本区域的自定义阶段）',
  tags,
  access: update,
  params: IdParams,
  body: ProjectStageInput,
  response: Project,
});
export const AssignProjectHelperRoute = defineRoute({
  method: 'POST',
  path: '/api/projects/:id/helper',
  summary: '指定或交接帮办专员',
  tags,
  access: update,
  params: IdParams,
  body: HelperAssignInput,
  response: Project,
});
export const AddProjectProgressRoute = defineRoute({
  method: 'POST',
  path: '/api/projects/:id/entries',
  summary: '记录项目进展',
  tags,
  access: update,
  params: IdParams,
  body: ProjectEntryInput,
  response: Project,
});
export const AddProjectMilestoneRoute = defineRoute({
  method: 'POST',
  path: '/api/projects/:id/milestones',
  summary: '新增里程碑',
  tags,
  access: update,
  params: IdParams,
  body: ProjectMilestoneInput,
  response: Project,
});
export const UpdateProjectMilestoneRoute = defineRoute({
  method: 'PUT',
  path: '/api/projects/:id/milestones/:milestoneId',
  summary: '修改里程碑（完成）',
  tags,
  access: update,
  params: ProjectMilestoneParams,
  body: ProjectMilestoneInput,
  response: Project,
});
export const AddProjectOutputRoute = defineRoute({
  method: 'POST',
  path: '/api/projects/:id/outputs',
  summary: '登记项目产出（专利、产品、产值）',
  tags,
  access: update,
  params: IdParams,
  body: ProjectOutputInput,
  response: Project,
});
