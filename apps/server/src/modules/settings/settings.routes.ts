import { GetStageLabelsRoute, SaveStageLabelsRoute } from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { SettingsService } from './settings.service.ts';

export const settingsRoutes: FastifyPluginAsync<{ auth: AuthService; settings: SettingsService }> = async (
  app,
  { auth, settings },
) => {
  registerRoute(app, auth, GetStageLabelsRoute, ({ ctx }) => settings.getStageLabels(ctx));
  registerRoute(app, auth, SaveStageLabelsRoute, ({ ctx, body }) => settings.setStageLabels(ctx, body));
};
