import { StageLabels, StageLabelsInput } from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, userCtx } from '../../platform/auth/auth.plugin.ts';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createSettingsService } from './settings.service.ts';

export const settingsRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  db: Database;
  clock: Clock;
}> = async (app, { auth, db, clock }) => {
  const settings = createSettingsService({ db, clock });
  const tags = ['settings'];
  app.get(
    '/api/settings/stage-labels',
    {
      schema: {
        tags,
        summary: '本区域各流程的阶段名称（本区域、上级区域或默认）',
        response: { 200: StageLabels },
      },
      preHandler: guard(auth, 'stage_label', 'read'),
    },
    async (request) => settings.getStageLabels(userCtx(request)),
  );
  app.put(
    '/api/settings/stage-labels',
    {
      schema: {
        tags,
        summary: '设置或清除本区域某一流程的阶段名称',
        body: StageLabelsInput,
        response: { 200: StageLabels },
      },
      preHandler: guard(auth, 'stage_label', 'update'),
    },
    async (request) => settings.setStageLabels(userCtx(request), request.body),
  );
};
