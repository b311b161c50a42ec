import {
  API_KEY_ROLES,
  ApiKeyPermissionsRoute,
  apiKeyPermissionsOf,
  CreateApiKeyRoute,
  ListApiKeysRoute,
  RevokeApiKeyRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import { registerRoute } from '../../http/route.ts';
import type { AuthService } from '../auth.service.ts';
import type { ApiKeyService } from './api-keys.ts';

/** The system administrator's API keys: list, create (the key shown once), revoke. */
export const apiKeysRoutes: FastifyPluginAsync<{ auth: AuthService; apiKeys: ApiKeyService }> = async (
  app,
  { auth, apiKeys },
) => {
  registerRoute(app, auth, ListApiKeysRoute, ({ ctx }) => apiKeys.listApiKeys(ctx));
  registerRoute(app, auth, ApiKeyPermissionsRoute, async () =>
    Object.fromEntries(API_KEY_ROLES.map((role) => [role, apiKeyPermissionsOf(role)])),
  );
  registerRoute(app, auth, CreateApiKeyRoute, ({ ctx, body }) => apiKeys.createApiKey(ctx, body));
  registerRoute(app, auth, RevokeApiKeyRoute, ({ ctx, params }) => apiKeys.revokeApiKey(ctx, params.id));
};
