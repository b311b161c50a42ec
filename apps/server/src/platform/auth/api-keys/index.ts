export { apiKeyPlugin } from './api-key.plugin.ts';
export { apiKeysRoutes } from './api-keys.routes.ts';
export { type ApiKeyService, createApiKeyService } from './api-keys.ts';
