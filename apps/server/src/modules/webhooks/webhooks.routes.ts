import {
  CreateWebhookRoute,
  DeleteWebhookRoute,
  GetWebhookAllowListRoute,
  ListWebhookDeliveriesRoute,
  ListWebhooksRoute,
  RedeliverWebhookRoute,
  SaveWebhookAllowListRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { WebhookService } from './webhooks.ts';

/** The system administrator's webhooks: subscriptions, their delivery log, redelivery, the allow-list. */
export const webhooksRoutes: FastifyPluginAsync<{ auth: AuthService; webhooks: WebhookService }> = async (
  app,
  { auth, webhooks },
) => {
  registerRoute(app, auth, ListWebhooksRoute, ({ ctx }) => webhooks.list(ctx));
  registerRoute(app, auth, CreateWebhookRoute, ({ ctx, body }) => webhooks.create(ctx, body));
  registerRoute(app, auth, DeleteWebhookRoute, ({ ctx, params }) => webhooks.remove(ctx, params.id));
  registerRoute(app, auth, ListWebhookDeliveriesRoute, ({ ctx, params }) =>
    webhooks.deliveries(ctx, params.id),
  );
  registerRoute(app, auth, RedeliverWebhookRoute, ({ ctx, params }) => webhooks.redeliver(ctx, params.id));
  registerRoute(app, auth, GetWebhookAllowListRoute, ({ ctx }) => webhooks.allowList(ctx));
  registerRoute(app, auth, SaveWebhookAllowListRoute, ({ ctx, body }) => webhooks.saveAllowList(ctx, body));
};
