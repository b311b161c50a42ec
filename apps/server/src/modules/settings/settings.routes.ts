import {
  AddCustomStageRoute,
  GetStageLabelsRoute,
  ListCustomStagesRoute,
  RetireCustomStageRoute,
  SaveStageLabelsRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { registerRoute } from '../../platform/http/route.ts';
import { addCustomStage, listCustomStages, retireCustomStage } from './operations/custom-stages.ts';
import type { SettingsService } from './settings.service.ts';

export const settingsRoutes: FastifyPluginAsync<{
  auth: AuthService;
  db: Database;
  clock: Clock;
  settings: SettingsService;
}> = async (app, { auth, db, clock, settings }) => {
  const deps = { db, clock };
  registerRoute(app, auth, GetStageLabelsRoute, ({ ctx }) => settings.getStageLabels(ctx));
  registerRoute(app, auth, SaveStageLabelsRoute, ({ ctx, body }) => settings.setStageLabels(ctx, body));
  registerRoute(app, auth, ListCustomStagesRoute, ({ ctx }) => listCustomStages(deps, ctx));
  registerRoute(app, auth, AddCustomStageRoute, ({ ctx, body }) => addCustomStage(deps, ctx, body));
  registerRoute(app, auth, RetireCustomStageRoute, ({ ctx, params }) => retireCustomStage(deps, ctx, params));
};
