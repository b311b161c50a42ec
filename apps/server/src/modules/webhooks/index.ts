export { webhookChannel } from './webhook-channel.ts';
export { webhookEncryptedColumns } from './webhooks.encrypted.ts';
export { webhooksRoutes } from './webhooks.routes.ts';
export { createWebhookService, type WebhookService } from './webhooks.ts';
