import { Platform, PlatformInput } from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guard, userCtx } from '../../platform/auth/auth.plugin.ts';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { PlatformService } from './innovation.service.ts';

export const platformRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  platforms: PlatformService;
}> = async (app, { auth, platforms }) => {
  const tags = ['platforms'];
  app.get(
    '/api/platforms',
    {
      schema: { tags, summary: '创新平台列表', response: { 200: z.array(Platform) } },
      preHandler: guard(auth, 'platform', 'read'),
    },
    async (request) => platforms.listPlatforms(userCtx(request)),
  );
  app.post(
    '/api/platforms',
    {
      schema: { tags, summary: '新增创新平台', body: PlatformInput, response: { 200: Platform } },
      preHandler: guard(auth, 'platform', 'create'),
    },
    async (request) => platforms.createPlatform(userCtx(request), request.body),
  );
};
