import {
  AddProjectMilestoneRoute,
  AddProjectOutputRoute,
  AddProjectProgressRoute,
  AssignProjectHelperRoute,
  CreateProjectRoute,
  GetProjectCountsRoute,
  GetProjectRoute,
  ListProjectHelpersRoute,
  ListProjectsRoute,
  MoveProjectStageRoute,
  UpdateProjectMilestoneRoute,
  UpdateProjectRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { addMilestone } from './operations/add-milestone.ts';
import { addOutput } from './operations/add-output.ts';
import { addProgress } from './operations/add-progress.ts';
import { assignHelper } from './operations/assign-helper.ts';
import { countProjects } from './operations/count-projects.ts';
import { createProject } from './operations/create-project.ts';
import { listHelpers } from './operations/list-helpers.ts';
import { listProjects } from './operations/list-projects.ts';
import { moveProjectStage } from './operations/move-project-stage.ts';
import { getProject } from './operations/read-project.ts';
import { updateMilestone } from './operations/update-milestone.ts';
import { updateProject } from './operations/update-project.ts';
import type { ProjectDeps } from './projects.deps.ts';

/** Cooperation projects: the routes declared in projects.routes.contract.ts, each one operation. */
export const projectsRoutes: FastifyPluginAsync<{ auth: AuthService; deps: ProjectDeps }> = async (
  app,
  { auth, deps },
) => {
  registerRoute(app, auth, ListProjectsRoute, ({ ctx, query }) => listProjects(deps, ctx, query));
  registerRoute(app, auth, GetProjectCountsRoute, ({ ctx, query }) => countProjects(deps, ctx, query.year));
  registerRoute(app, auth, ListProjectHelpersRoute, ({ ctx }) => listHelpers(deps, ctx));
  registerRoute(app, auth, CreateProjectRoute, ({ ctx, body }) => createProject(deps, ctx, body));
  registerRoute(app, auth, GetProjectRoute, ({ ctx, params }) => getProject(deps, ctx, params.id));
  registerRoute(app, auth, UpdateProjectRoute, ({ ctx, params, body }) =>
    updateProject(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, MoveProjectStageRoute, ({ ctx, params, body }) =>
    moveProjectStage(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, AssignProjectHelperRoute, ({ ctx, params, body }) =>
    assignHelper(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, AddProjectProgressRoute, ({ ctx, params, body }) =>
    addProgress(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, AddProjectMilestoneRoute, ({ ctx, params, body }) =>
    addMilestone(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, UpdateProjectMilestoneRoute, ({ ctx, params, body }) =>
    updateMilestone(deps, ctx, params, body),
  );
  registerRoute(app, auth, AddProjectOutputRoute, ({ ctx, params, body }) =>
    addOutput(deps, ctx, params.id, body),
  );
};
