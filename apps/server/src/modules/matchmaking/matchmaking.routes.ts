import {
  Achievement,
  AchievementInput,
  AchievementJsonlResult,
  AchievementListQuery,
  AchievementPage,
  CheckinInfo,
  CheckinInput,
  CheckinParams,
  CheckinResult,
  EventInput,
  EventListQuery,
  EventPage,
  IdParams,
  ImportConfirmInput,
  ImportPreview,
  ImportResult,
  InstituteNeedRecommendations,
  MatchmakingEvent,
  MatchmakingSummary,
  Need,
  NeedInput,
  NeedListQuery,
  NeedPage,
  NeedRecommendations,
  NeedStageInput,
  Ok,
  Pairing,
  PairingInput,
  PairingListQuery,
  PairingUpdateInput,
  RecommendationQuery,
  RejectInput,
  RejectionReport,
} from '@gaodi/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { guard, userCtx } from '../../platform/auth/auth.plugin.ts';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import { AppError } from '../../platform/http/errors.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import { createDirectoryService } from '../directory/index.ts';
import { readStageNames } from '../settings/index.ts';
import type { MatchIndex } from './match-index.ts';
import { createEventService } from './matchmaking.events.ts';
import { createRecommendationService } from './matchmaking.recommend.ts';
import { writeEventReport } from './matchmaking.report.ts';
import { createMatchmakingService } from './matchmaking.service.ts';
import { createAchievementImport, JSONL_MAX_BYTES } from './operations/import-achievements.ts';

/** The corpus (JSONL) import is a demonstration tool for the office's staff, not for institutes. */
const corpusImporter = async (request: FastifyRequest) => {
  if (userCtx(request).user.role === 'institute')
    throw new AppError(403, 'FORBIDDEN', 'JSONL 导入仅供科技局工作人员演示使用');
};

type Deps = { auth: AuthService; db: Database; clock: Clock; uploads: UploadStore; index: MatchIndex };

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const matchmakingRoutes: FastifyPluginAsyncZod<Deps> = async (
  app,
  { auth, db, clock, uploads, index },
) => {
  const matchmaking = createMatchmakingService({ db, clock, index });
  const recommendations = createRecommendationService({ db, clock, index, matchmaking });
  const events = createEventService({ db, clock, recommendations });
  const directory = createDirectoryService({ db, clock });
  const achievementImport = createAchievementImport({ db, matchmaking, directory, uploads });
  const tags = ['matchmaking'];

  // ---- needs
  app.get(
    '/api/needs',
    {
      schema: { tags, summary: '技术需求列表', querystring: NeedListQuery, response: { 200: NeedPage } },
      preHandler: guard(auth, 'need', 'read'),
    },
    async (request) => matchmaking.listNeeds(userCtx(request), request.query),
  );
  app.post(
    '/api/needs',
    {
      schema: { tags, summary: '提交技术需求', body: NeedInput, response: { 200: Need } },
      preHandler: guard(auth, 'need', 'create'),
    },
    async (request) => matchmaking.createNeed(userCtx(request), request.body),
  );
  app.get(
    '/api/needs/:id',
    {
      schema: { tags, summary: '技术需求详情', params: IdParams, response: { 200: Need } },
      preHandler: guard(auth, 'need', 'read'),
    },
    async (request) => matchmaking.getNeed(userCtx(request), request.params.id),
  );
  app.put(
    '/api/needs/:id',
    {
      schema: { tags, summary: '修改技术需求', params: IdParams, body: NeedInput, response: { 200: Need } },
      preHandler: guard(auth, 'need', 'update'),
    },
    async (request) => matchmaking.updateNeed(userCtx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/needs/:id',
    {
      schema: { tags, summary: '删除技术需求', params: IdParams, response: { 200: Need } },
      preHandler: guard(auth, 'need', 'delete'),
    },
    async (request) => matchmaking.deleteNeed(userCtx(request), request.params.id),
  );
  app.post(
    '/api/needs/:id/stage',
    {
      schema: {
        tags,
        summary: '需求阶段变更（审核、发布、关闭…）',
        params: IdParams,
        body: NeedStageInput,
        response: { 200: Need },
      },
      preHandler: guard(auth, 'need', 'update'),
    },
    async (request) => matchmaking.moveNeedStage(userCtx(request), request.params.id, request.body),
  );
  app.get(
    '/api/needs/:id/recommendations',
    {
      schema: {
        tags,
        summary: '为需求推荐院所、成果和专家（含匹配理由）',
        params: IdParams,
        querystring: RecommendationQuery,
        response: { 200: NeedRecommendations },
      },
      preHandler: guard(auth, 'pairing', 'read'),
    },
    async (request) =>
      recommendations.needRecommendations(userCtx(request), request.params.id, request.query),
  );
  app.post(
    '/api/needs/:id/rejections',
    {
      schema: {
        tags,
        summary: '标记推荐不合适（附原因）',
        params: IdParams,
        body: RejectInput,
        response: { 200: Ok },
      },
      preHandler: guard(auth, 'pairing', 'create'),
    },
    async (request) =>
      recommendations.rejectRecommendation(userCtx(request), request.params.id, request.body),
  );
  app.get(
    '/api/institutes/:id/need-recommendations',
    {
      schema: {
        tags,
        summary: '院所可承接的已发布需求',
        params: IdParams,
        querystring: z.object({ top: z.coerce.number().int().min(1).max(50).default(10) }),
        response: { 200: InstituteNeedRecommendations },
      },
      preHandler: guard(auth, 'need', 'read'),
    },
    async (request) => recommendations.instituteNeeds(userCtx(request), request.params.id, request.query.top),
  );

  // ---- pairings
  app.get(
    '/api/pairings',
    {
      schema: {
        tags,
        summary: '对接记录',
        querystring: PairingListQuery,
        response: { 200: z.array(Pairing) },
      },
      preHandler: guard(auth, 'pairing', 'read'),
    },
    async (request) => recommendations.listPairings(userCtx(request), request.query),
  );
  app.post(
    '/api/pairings',
    {
      schema: {
        tags,
        summary: '采纳推荐，建立对接（需求 ↔ 院所）',
        body: PairingInput,
        response: { 200: Pairing },
      },
      preHandler: guard(auth, 'pairing', 'create'),
    },
    async (request) => recommendations.createPairing(userCtx(request), request.body),
  );
  app.patch(
    '/api/pairings/:id',
    {
      schema: {
        tags,
        summary: '记录对接所在活动、进展',
        params: IdParams,
        body: PairingUpdateInput,
        response: { 200: Pairing },
      },
      preHandler: guard(auth, 'pairing', 'update'),
    },
    async (request) => recommendations.updatePairing(userCtx(request), request.params.id, request.body),
  );
  app.get(
    '/api/pairings/rejections',
    {
      schema: { tags, summary: '推荐不合适原因（按院所统计）', response: { 200: RejectionReport } },
      preHandler: guard(auth, 'pairing', 'read'),
    },
    async (request) => recommendations.rejectionReport(userCtx(request)),
  );

  // ---- achievements
  app.get(
    '/api/achievements',
    {
      schema: {
        tags,
        summary: '科技成果列表',
        querystring: AchievementListQuery,
        response: { 200: AchievementPage },
      },
      preHandler: guard(auth, 'achievement', 'read'),
    },
    async (request) => matchmaking.listAchievements(userCtx(request), request.query),
  );
  app.post(
    '/api/achievements',
    {
      schema: { tags, summary: '新增科技成果', body: AchievementInput, response: { 200: Achievement } },
      preHandler: guard(auth, 'achievement', 'create'),
    },
    async (request) => matchmaking.createAchievement(userCtx(request), request.body),
  );
  app.post(
    '/api/achievements/import',
    {
      schema: {
        tags,
        summary: '导入科技成果（.xlsx 预览：逐行校验，不写入）',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreview },
      },
      preHandler: guard(auth, 'achievement', 'import'),
    },
    async (request) => achievementImport.preview(userCtx(request), (await readUpload(request)).bytes),
  );
  app.post(
    '/api/achievements/import/confirm',
    {
      schema: {
        tags,
        summary: '确认导入预览中的有效行',
        body: ImportConfirmInput,
        response: { 200: ImportResult },
      },
      preHandler: guard(auth, 'achievement', 'import'),
    },
    async (request) => achievementImport.confirm(userCtx(request), request.body.token),
  );
  app.post(
    '/api/achievements/import-jsonl',
    {
      schema: {
        tags,
        summary: '导入语料格式（JSONL）的成果，用于演示',
        consumes: ['multipart/form-data'],
        response: { 200: AchievementJsonlResult },
      },
      // Refused roles are refused here, before a byte of the (up to 50 MB) body is read.
      preHandler: [guard(auth, 'achievement', 'import'), corpusImporter],
    },
    async (request) => {
      const { bytes: buffer } = await readUpload(request, JSONL_MAX_BYTES);
      return achievementImport.importJsonl(userCtx(request), buffer.toString('utf8'));
    },
  );
  app.get(
    '/api/achievements/:id',
    {
      schema: { tags, summary: '科技成果详情', params: IdParams, response: { 200: Achievement } },
      preHandler: guard(auth, 'achievement', 'read'),
    },
    async (request) => matchmaking.getAchievement(userCtx(request), request.params.id),
  );
  app.put(
    '/api/achievements/:id',
    {
      schema: {
        tags,
        summary: '修改科技成果',
        params: IdParams,
        body: AchievementInput,
        response: { 200: Achievement },
      },
      preHandler: guard(auth, 'achievement', 'update'),
    },
    async (request) => matchmaking.updateAchievement(userCtx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/achievements/:id',
    {
      schema: { tags, summary: '删除科技成果', params: IdParams, response: { 200: Achievement } },
      preHandler: guard(auth, 'achievement', 'delete'),
    },
    async (request) => matchmaking.deleteAchievement(userCtx(request), request.params.id),
  );

  // ---- events
  app.get(
    '/api/events',
    {
      schema: { tags, summary: '对接活动列表', querystring: EventListQuery, response: { 200: EventPage } },
      preHandler: guard(auth, 'event', 'read'),
    },
    async (request) => events.listEvents(userCtx(request), request.query),
  );
  app.get(
    '/api/matchmaking/summary',
    {
      schema: {
        tags,
        summary: '产学研对接年度数据（由记录计算）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: MatchmakingSummary },
      },
      preHandler: guard(auth, 'event', 'read'),
    },
    async (request) => events.summary(userCtx(request), request.query.year),
  );
  app.post(
    '/api/events',
    {
      schema: { tags, summary: '新增对接活动', body: EventInput, response: { 200: MatchmakingEvent } },
      preHandler: guard(auth, 'event', 'create'),
    },
    async (request) => events.createEvent(userCtx(request), request.body),
  );
  app.get(
    '/api/events/:id',
    {
      schema: {
        tags,
        summary: '对接活动详情（签到、对接、成果）',
        params: IdParams,
        response: { 200: MatchmakingEvent },
      },
      preHandler: guard(auth, 'event', 'read'),
    },
    async (request) => events.getEvent(userCtx(request), request.params.id),
  );
  app.put(
    '/api/events/:id',
    {
      schema: {
        tags,
        summary: '修改对接活动',
        params: IdParams,
        body: EventInput,
        response: { 200: MatchmakingEvent },
      },
      preHandler: guard(auth, 'event', 'update'),
    },
    async (request) => events.updateEvent(userCtx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/events/:id',
    {
      schema: { tags, summary: '删除对接活动', params: IdParams, response: { 200: MatchmakingEvent } },
      preHandler: guard(auth, 'event', 'delete'),
    },
    async (request) => events.deleteEvent(userCtx(request), request.params.id),
  );
  app.post(
    '/api/events/:id/participants/:participantId/attendance',
    {
      schema: {
        tags,
        summary: '手工登记签到',
        params: z.object({ id: z.uuid(), participantId: z.uuid() }),
        body: z.object({ attended: z.boolean() }),
        response: { 200: MatchmakingEvent },
      },
      preHandler: guard(auth, 'event', 'update'),
    },
    async (request) =>
      events.setAttendance(
        userCtx(request),
        request.params.id,
        request.params.participantId,
        request.body.attended,
      ),
  );
  app.get(
    '/api/events/:id/report.docx',
    {
      schema: { tags, summary: '活动报告（.docx）', params: IdParams },
      preHandler: guard(auth, 'event', 'export'),
    },
    async (request, reply) => {
      const ctx = userCtx(request);
      const at = clock.now();
      const { event, stageNames } = await db.transaction(ctx.scope, async (tx) => {
        const e = await events.getEventIn(tx, ctx, request.params.id);
        await recordAudit(tx, {
          regionCode: ctx.user.activeRegionCode,
          at,
          actorId: ctx.user.id,
          actorName: ctx.user.username,
          action: 'export',
          targetType: 'event',
          targetId: e.id,
          result: 'ok',
          clientAddress: ctx.clientAddress,
        });
        return { event: e, stageNames: await readStageNames(tx, ctx.user.activeRegionCode, 'project') };
      });
      const buffer = await writeEventReport(event, chinaDay(at), stageNames);
      const name = encodeURIComponent(`${event.title}活动报告.docx`);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="event-report.docx"; filename*=UTF-8''${name}`)
        .send(buffer);
    },
  );

  // ---- QR sign-in (no session: the token in the URL is the credential; rate-limited)
  app.get(
    '/api/checkin/:token',
    {
      schema: { tags, summary: '扫码签到：活动信息', params: CheckinParams, response: { 200: CheckinInfo } },
      config: { rateLimit: { max: 120, timeWindow: 60_000 } },
    },
    async (request) => events.checkinInfo(request.ctx.lang, request.params.token),
  );
  app.post(
    '/api/checkin/:token',
    {
      schema: {
        tags,
        summary: '扫码签到',
        params: CheckinParams,
        body: CheckinInput,
        response: { 200: CheckinResult },
      },
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    },
    async (request) => events.checkin(request.ctx, request.params.token, request.body),
  );
};
