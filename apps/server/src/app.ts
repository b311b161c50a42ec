import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { HealthRoute, translateMessage } from '@gaodi/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createStationGuard,
  requestsRoutes,
  serviceRequestSupervisedItems,
  stationRoutes,
} from './modules/concierge/index.ts';
import { createDirectoryService, type DirectoryService, directoryRoutes } from './modules/directory/index.ts';
import { elementsRoutes } from './modules/elements/index.ts';
import { exchangeRoutes } from './modules/exchange/index.ts';
import { homeRoutes } from './modules/home/index.ts';
import { createIncubationService, incubationRoutes } from './modules/incubation/index.ts';
import { indicatorsRoutes, snapshotJob } from './modules/indicators/index.ts';
import { createPlatformService, platformRoutes } from './modules/innovation/index.ts';
import { createMatchIndex, type MatchIndex, matchmakingRoutes } from './modules/matchmaking/index.ts';
import { createStageMover, type StageMover } from './modules/pipelines/index.ts';
import { projectSupervisedItems, projectsRoutes } from './modules/projects/index.ts';
import { recruitmentRoutes, recruitmentSupervisedItems } from './modules/recruitment/index.ts';
import { decisionSupervisedItems, roundtableRoutes } from './modules/roundtable/index.ts';
import { createSettingsService, settingsRoutes } from './modules/settings/index.ts';
import {
  createSupervisionService,
  lightsJob,
  type SupervisionService,
  supervisionRoutes,
} from './modules/supervision/index.ts';
import { createTalentService, talentRoutes } from './modules/talent/index.ts';
import { createWebhookService, webhookChannel, webhooksRoutes } from './modules/webhooks/index.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { apiKeyPlugin, apiKeysRoutes, createApiKeyService } from './platform/auth/api-keys/index.ts';
import { authPlugin } from './platform/auth/auth.plugin.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { type AuthService, createAuthService } from './platform/auth/auth.service.ts';
import { mfaRoutes } from './platform/auth/mfa/mfa.routes.ts';
import { createMfaService } from './platform/auth/mfa/mfa.service.ts';
import { usersRoutes } from './platform/auth/users.routes.ts';
import type { Clock } from './platform/clock.ts';
import {
  createDataBox,
  type DataBox,
  type DataKey,
  developmentDataKey,
  type Keyring,
} from './platform/crypto/index.ts';
import type { Database } from './platform/db/database.ts';
import { importProblemsRoutes } from './platform/excel/problems.routes.ts';
import { closeSheetReader } from './platform/excel/sheet-reader.ts';
import { createUploadStore, type UploadStore } from './platform/excel/upload-store.ts';
import { handleError, localizeProblems } from './platform/http/errors.ts';
import { createIdempotencyStore } from './platform/http/idempotency.ts';
import { optimisticConcurrency } from './platform/http/optimistic.ts';
import { registerRoute } from './platform/http/route.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { langOf } from './platform/i18n/lang.ts';
import { importJobsRoutes } from './platform/jobs/import-jobs.routes.ts';
import { failInterruptedImportJobs, settleImportJobs } from './platform/jobs/import-jobs.ts';
import type { ScheduledJob } from './platform/jobs/jobs.ts';
import { createDeliveries } from './platform/notifications/deliveries.ts';
import { notificationsRoutes } from './platform/notifications/notifications.routes.ts';
import { inboxNotifier } from './platform/notifications/notifier.ts';
import type { RetryPolicy } from './platform/notifications/outbox.ts';
import { filesRoutes } from './platform/storage/files.routes.ts';
import { createFilesService, type FilesService } from './platform/storage/files.service.ts';
import { createMemoryStorage, type FileStorage } from './platform/storage/storage.ts';
import { regionsRoutes } from './platform/tenancy/regions.routes.ts';

z.config(z.locales.zhCN());

export type AppDeps = {
  /** Where uploaded files go. main.ts passes disk storage under GAODI_DATA_DIR/files; tests and benches get memory. */
  fileStorage?: FileStorage;
  db: Database;
  clock: Clock;
  /** Built web UI to serve at `/`; omitted in API-only tests. */
  webDist?: string;
  sessionIdleMinutes?: number;
  loginRateLimitPerMinute?: number;
  trustProxy?: boolean;
  /** NODE_ENV=production: the API description (/api/docs) only for signed-in users. */
  production?: boolean;
  logger?: boolean | object;
  /** The matching index (default: built or loaded from the database at start). */
  matchIndex?: MatchIndex;
  /** The key of personal data at rest: tests and benches pass a fixed one (or none). */
  dataKey?: DataKey | Keyring;
  /** The box over the configured keys (main.ts: loadKeyring's, reloading key files); wins over dataKey. */
  dataBox?: DataBox;
  /** The site's address for links in e-mail, WeCom, DingTalk and SMS (GAODI_PUBLIC_URL). */
  publicUrl?: string;
  /** Retries of the outbox's deliveries (tests shorten them). */
  deliveryRetry?: RetryPolicy;
};

/** The HTTP plugins every route relies on: cookies, uploads, the sign-in rate limit, OpenAPI. */
async function registerPlugins(app: FastifyInstance, deps: AppDeps) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('preSerialization', localizeProblems);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, {
    global: false,
    max: deps.loginRateLimitPerMinute ?? 30,
    timeWindow: 60_000,
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gaodi 高地 API', version: '1.0.0', description: '区域创新高地工作平台接口' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gaodi_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          // Machines (issue 16): a key made by the system administrator, either header; no CSRF token.
          apiKeyBearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'gd_…',
            description: 'API 密钥：Authorization: Bearer gd_…（系统管理员创建，只显示一次）',
          },
          apiKeyHeader: {
            type: 'apiKey',
            in: 'header',
            name: 'X-API-Key',
            description: 'API 密钥：X-API-Key: gd_…',
          },
        },
      },
      security: [{ session: [], csrf: [] }, { apiKeyBearer: [] }, { apiKeyHeader: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}

/** The services built once and shared by several modules' routes. */
type Shared = {
  db: Database;
  clock: Clock;
  auth: AuthService;
  uploads: UploadStore;
  dataBox: DataBox;
  files: FilesService;
  supervision: SupervisionService;
  stageMover: StageMover;
  directory: DirectoryService;
};

/** Cross-cutting routes: health, sign-in, regions, audit, users, two-step sign-in, files, inbox, import jobs. */
async function registerPlatformRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  { db, clock, auth, uploads, dataBox, files }: Shared,
) {
  const idleMinutes = deps.sessionIdleMinutes ?? 30;
  registerRoute(app, auth, HealthRoute, async () => ({
    status: 'ok' as const,
    engine: db.engine,
    migrations: await db.migrationLevel(),
  }));
  await app.register(authRoutes, { auth, db, clock, idleMinutes });
  await app.register(regionsRoutes, { auth, db });
  await app.register(auditRoutes, { auth, db, clock });
  await app.register(usersRoutes, { auth, db, clock });
  await app.register(apiKeysRoutes, { auth, apiKeys: createApiKeyService({ db, clock }) });
  const mfa = createMfaService({ db, clock, box: dataBox });
  await app.register(mfaRoutes, { auth, mfa, codesPerMinute: deps.loginRateLimitPerMinute ?? 30 });
  await app.register(filesRoutes, { auth, files });
  await app.register(notificationsRoutes, {
    auth,
    db,
    clock,
    box: dataBox,
    configs: app.channelConfigs,
    publicUrl: deps.publicUrl ?? 'http://localhost:3000',
  });
  await app.register(importProblemsRoutes, { auth, uploads });
  await failInterruptedImportJobs(db, clock);
  importJobsRoutes(app, auth, db);
  app.addHook('onClose', closeSheetReader);
  app.addHook('onClose', settleImportJobs);
}

/** The domains' routes, each given exactly the shared services it uses. */
async function registerDomainRoutes(app: FastifyInstance, deps: AppDeps, shared: Shared) {
  const { db, clock, auth, uploads, dataBox, files, supervision, stageMover, directory } = shared;
  await app.register(platformRoutes, { auth, platforms: createPlatformService({ db, clock }) });
  await app.register(talentRoutes, {
    auth,
    talents: createTalentService({ db, clock, box: dataBox, uploads }),
  });
  await app.register(elementsRoutes, { auth, db, clock, box: dataBox });
  await app.register(supervisionRoutes, { auth, supervision });
  await app.register(directoryRoutes, { auth, deps: { db, clock, uploads, directory } });
  await app.register(recruitmentRoutes, {
    auth,
    deps: { db, clock, uploads, files, supervision, directory, stageMover },
  });
  const matchIndex = deps.matchIndex ?? createMatchIndex({ db });
  if (!deps.matchIndex) await matchIndex.start();
  app.decorate('matchIndex', matchIndex);
  await app.register(matchmakingRoutes, {
    auth,
    deps: { db, clock, uploads, index: matchIndex, directory, mover: stageMover },
  });
  await app.register(projectsRoutes, {
    auth,
    deps: { db, clock, supervision, notifier: inboxNotifier, stageMover },
  });
  await app.register(incubationRoutes, {
    auth,
    incubation: createIncubationService({ db, clock, mover: stageMover, uploads }),
  });
  await app.register(indicatorsRoutes, { auth, db, clock });
  const concierge = { db, clock, box: dataBox, notifier: inboxNotifier, supervision, mover: stageMover };
  await app.register(requestsRoutes, { auth, concierge });
  await app.register(stationRoutes, { auth, concierge, guard: createStationGuard(dataBox) });
  const roundtable = { db, clock, notifier: inboxNotifier, supervision, mover: stageMover };
  await app.register(roundtableRoutes, { auth, roundtable });
  await app.register(settingsRoutes, { auth, db, clock, settings: createSettingsService({ db, clock }) });
  await app.register(homeRoutes, { auth, db, clock });
  await app.register(exchangeRoutes, { auth, db });
  await app.register(webhooksRoutes, { auth, webhooks: createWebhookService({ db, clock, box: dataBox }) });
}

/** The built web UI at `/`: files as they are on disk, pages of the single-page app as index.html. */
async function serveWebApp(app: FastifyInstance, webDist: string | undefined) {
  app.setNotFoundHandler((request, reply) => {
    // Pages of the single-page app get index.html; API paths and missing files (a stale chunk
    // name after a rebuild) get a real 404, so the browser sees the error instead of HTML.
    const path = request.url.split('?')[0] ?? '';
    const isPage = !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
    if (!isPage || !webDist || !existsSync(join(webDist, 'index.html'))) {
      return reply.status(404).send({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: translateMessage('接口不存在', langOf(request)),
      });
    }
    return reply.sendFile('index.html');
  });
  if (webDist && existsSync(webDist)) {
    // wildcard: files are looked up per request, so a rebuilt UI is served without a restart;
    // a path that is no file falls through to the not-found handler above (SPA fallback).
    await app.register(fastifyStatic, { root: webDist, wildcard: true });
  }
}

/**
 * Builds the whole HTTP application from its dependencies (tests call this too): the plugins, the
 * services shared by several modules (each built once), then the platform's and the domains' routes.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { db, clock } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  await registerPlugins(app, deps);
  optimisticConcurrency(app, deps.db); // ETag / If-Match on editable records (issue 17)
  const auth = createAuthService({ db, clock, idleMinutes: deps.sessionIdleMinutes ?? 30 });
  await app.register(authPlugin, { auth });
  // Machines' calls with an API key (issue 16): after the session hook, so a key takes precedence.
  const apiKeys = createApiKeyService({ db, clock });
  await app.register(apiKeyPlugin, { db, clock, apiKeys });
  app.decorate('idempotency', createIdempotencyStore({ db }));
  await app.register(securityHeaders, { production: deps.production ?? false });
  // Personal data at rest (station phones; the talent module's ID numbers): one box per app.
  const dataBox = deps.dataBox ?? createDataBox(deps.dataKey ?? developmentDataKey());
  app.decorate('dataBox', dataBox);
  // The outbox's delivery worker and the regions' channels (main.ts starts it; tests drain it).
  const deliveries = createDeliveries({
    db,
    clock,
    box: dataBox,
    publicUrl: deps.publicUrl ?? 'http://localhost:3000',
    retry: deps.deliveryRetry,
    // Outgoing webhooks (issue 16): their rows are written by the change feed's trigger.
    extra: [webhookChannel({ db, box: dataBox })],
  });
  app.decorate('deliveries', deliveries.worker);
  app.decorate('channelConfigs', deliveries.configs);
  app.addHook('onClose', () => deliveries.worker.stop());
  // Every module whose items get lights registers its provider here.
  const supervision = createSupervisionService({
    db,
    clock,
    notifier: inboxNotifier,
    providers: [
      recruitmentSupervisedItems,
      projectSupervisedItems,
      serviceRequestSupervisedItems,
      decisionSupervisedItems,
    ],
  });
  app.decorate('scheduledJobs', [
    lightsJob(supervision),
    snapshotJob({ db, clock }),
  ] satisfies ScheduledJob[]);
  const shared: Shared = {
    db,
    clock,
    auth,
    uploads: createUploadStore({ clock }),
    dataBox,
    files: createFilesService({ db, clock, storage: deps.fileStorage ?? createMemoryStorage() }),
    supervision,
    // The one stage mover every pipeline's records move through (modules/pipelines).
    stageMover: createStageMover({ clock, supervision }),
    // The directory is built once: its routes and the imports that create institutes share it.
    directory: createDirectoryService({ db, clock }),
  };
  await registerPlatformRoutes(app, deps, shared);
  await registerDomainRoutes(app, deps, shared);
  await serveWebApp(app, deps.webDist);
  return app;
}
