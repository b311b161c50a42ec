import {
  HelperAssignInput,
  IdParams,
  Project,
  ProjectCounts,
  ProjectCountsQuery,
  ProjectEntryInput,
  ProjectInput,
  ProjectListQuery,
  ProjectMilestoneInput,
  ProjectOutputInput,
  ProjectPage,
  ProjectStageInput,
  ProjectUpdateInput,
} from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guard, userCtx } from '../../platform/auth/auth.plugin.ts';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Notifier } from '../../platform/notifications/notifier.ts';
import type { SupervisionService } from '../supervision/index.ts';
import { createProjectService } from './projects.service.ts';

type Deps = {
  auth: AuthService;
  db: Database;
  clock: Clock;
  supervision: SupervisionService;
  notifier: Notifier;
};

export const projectsRoutes: FastifyPluginAsyncZod<Deps> = async (
  app,
  { auth, db, clock, supervision, notifier },
) => {
  const projects = createProjectService({ db, clock, supervision, notifier });
  const tags = ['projects'];

  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: '合作项目列表（mine=true：我的帮办项目）',
        querystring: ProjectListQuery,
        response: { 200: ProjectPage },
      },
      preHandler: guard(auth, 'project', 'read'),
    },
    async (request) => projects.listProjects(userCtx(request), request.query),
  );
  app.get(
    '/api/projects/counts',
    {
      schema: {
        tags,
        summary: '年度签约、落地项目数（每个项目只在转化地计一次）',
        querystring: ProjectCountsQuery,
        response: { 200: ProjectCounts },
      },
      preHandler: guard(auth, 'project', 'read'),
    },
    async (request) => projects.counts(userCtx(request), request.query.year),
  );
  app.get(
    '/api/projects/helpers',
    {
      schema: {
        tags,
        summary: '可指定的帮办专员',
        response: { 200: z.array(z.object({ id: z.uuid(), name: z.string() })) },
      },
      preHandler: guard(auth, 'project', 'read'),
    },
    async (request) => projects.listHelpers(userCtx(request)),
  );
  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        summary: '登记合作项目（可由对接记录生成）',
        body: ProjectInput,
        response: { 200: Project },
      },
      preHandler: guard(auth, 'project', 'create'),
    },
    async (request) => projects.createProject(userCtx(request), request.body),
  );
  app.get(
    '/api/projects/:id',
    {
      schema: { tags, summary: '合作项目详情', params: IdParams, response: { 200: Project } },
      preHandler: guard(auth, 'project', 'read'),
    },
    async (request) => projects.getProject(userCtx(request), request.params.id),
  );
  app.patch(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: '修改合作项目',
        params: IdParams,
        body: ProjectUpdateInput,
        response: { 200: Project },
      },
      preHandler: guard(auth, 'project', 'update'),
    },
    async (request) => projects.updateProject(userCtx(request), request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/stage',
    {
      schema: {
        tags,
        summary: '项目阶段变更',
        params: IdParams,
        body: ProjectStageInput,
        response: { 200: Project },
      },
      preHandler: guard(auth, 'project', 'update'),
    },
    async (request) => projects.moveStage(userCtx(request), request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/helper',
    {
      schema: {
        tags,
        summary: '指定或交接帮办专员',
        params: IdParams,
        body: HelperAssignInput,
        response: { 200: Project },
      },
      preHandler: guard(auth, 'project', 'update'),
    },
    async (request) => projects.assignHelper(userCtx(request), request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/entries',
    {
      schema: {
        tags,
        summary: '记录项目进展',
        params: IdParams,
        body: ProjectEntryInput,
        response: { 200: Project },
      },
      preHandler: guard(auth, 'project', 'update'),
    },
    async (request) => projects.addProgress(userCtx(request), request.params.id, request.body),
  );
  app.post(
    '/api/projects/:id/milestones',
    {
      schema: {
        tags,
        summary: '新增里程碑',
        params: IdParams,
        body: ProjectMilestoneInput,
        response: { 200: Project },
      },
      preHandler: guard(auth, 'project', 'update'),
    },
    async (request) => projects.addMilestone(userCtx(request), request.params.id, request.body),
  );
  app.put(
    '/api/projects/:id/milestones/:milestoneId',
    {
      schema: {
        tags,
        summary: '修改里程碑（完成）',
        params: z.object({ id: z.uuid(), milestoneId: z.uuid() }),
        body: ProjectMilestoneInput,
        response: { 200: Project },
      },
      preHandler: guard(auth, 'project', 'update'),
    },
    async (request) =>
      projects.updateMilestone(userCtx(request), request.params.id, request.params.milestoneId, request.body),
  );
  app.post(
    '/api/projects/:id/outputs',
    {
      schema: {
        tags,
        summary: '登记项目产出（专利、产品、产值）',
        params: IdParams,
        body: ProjectOutputInput,
        response: { 200: Project },
      },
      preHandler: guard(auth, 'project', 'update'),
    },
    async (request) => projects.addOutput(userCtx(request), request.params.id, request.body),
  );
};
