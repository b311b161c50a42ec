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
import type { ProjectService } from './projects.service.ts';

export const projectsRoutes: FastifyPluginAsync<{ auth: AuthService; projects: ProjectService }> = async (
  app,
  { auth, projects },
) => {
  registerRoute(app, auth, ListProjectsRoute, ({ ctx, query }) => projects.listProjects(ctx, query));
  registerRoute(app, auth, GetProjectCountsRoute, ({ ctx, query }) => projects.counts(ctx, query.year));
  registerRoute(app, auth, ListProjectHelpersRoute, ({ ctx }) => projects.listHelpers(ctx));
  registerRoute(app, auth, CreateProjectRoute, ({ ctx, body }) => projects.createProject(ctx, body));
  registerRoute(app, auth, GetProjectRoute, ({ ctx, params }) => projects.getProject(ctx, params.id));
  registerRoute(app, auth, UpdateProjectRoute, ({ ctx, params, body }) =>
    projects.updateProject(ctx, params.id, body),
  );
  registerRoute(app, auth, MoveProjectStageRoute, ({ ctx, params, body }) =>
    projects.moveStage(ctx, params.id, body),
  );
  registerRoute(app, auth, AssignProjectHelperRoute, ({ ctx, params, body }) =>
    projects.assignHelper(ctx, params.id, body),
  );
  registerRoute(app, auth, AddProjectProgressRoute, ({ ctx, params, body }) =>
    projects.addProgress(ctx, params.id, body),
  );
  registerRoute(app, auth, AddProjectMilestoneRoute, ({ ctx, params, body }) =>
    projects.addMilestone(ctx, params.id, body),
  );
  registerRoute(app, auth, UpdateProjectMilestoneRoute, ({ ctx, params, body }) =>
    projects.updateMilestone(ctx, params.id, params.milestoneId, body),
  );
  registerRoute(app, auth, AddProjectOutputRoute, ({ ctx, params, body }) =>
    projects.addOutput(ctx, params.id, body),
  );
};
