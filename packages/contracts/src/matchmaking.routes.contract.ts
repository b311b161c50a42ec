import { z } from 'zod';
import { IdParams, Ok } from './common.contract.ts';
import { ImportConfirmInput, ImportPreview } from './directory.contract.ts';
import { ImportJob } from './import-jobs.contract.ts';
import {
  Achievement,
  AchievementInput,
  AchievementJsonlResult,
  AchievementListQuery,
  AchievementNeedRecommendations,
  AchievementPage,
  InstituteNeedRecommendations,
  Need,
  NeedInput,
  NeedListQuery,
  NeedPage,
  NeedRecommendations,
  NeedStageInput,
  Pairing,
  PairingInput,
  PairingListQuery,
  PairingUpdateInput,
  RecommendationQuery,
  RejectInput,
  RejectionReport,
} from './matchmaking.contract.ts';
import {
  CheckinInfo,
  CheckinInput,
  CheckinParams,
  CheckinResult,
  CheckinWindow,
  EventInput,
  EventListQuery,
  EventPage,
  MatchmakingEvent,
  MatchmakingSummary,
} from './matchmaking-events.contract.ts';
import { defineRoute } from './route.ts';

/** The matchmaking routes (产学研对接): needs, achievements, recommendations, pairings, events, sign-in. */
const tags = ['matchmaking'] as const;

// ---- needs

export const ListNeedsRoute = defineRoute({
  method: 'GET',
  path: '/api/needs',
  summary: '技术需求列表',
  tags,
  access: { resource: 'need', action: 'read' },
  query: NeedListQuery,
  response: NeedPage,
});
export const CreateNeedRoute = defineRoute({
  method: 'POST',
  path: '/api/needs',
  summary: '提交技术需求',
  tags,
  access: { resource: 'need', action: 'create' },
  body: NeedInput,
  response: Need,
});
export const GetNeedRoute = defineRoute({
  method: 'GET',
  path: '/api/needs/:id',
  summary: '技术需求详情',
  tags,
  access: { resource: 'need', action: 'read' },
  params: IdParams,
  response: Need,
});
export const UpdateNeedRoute = defineRoute({
  method: 'PUT',
  path: '/api/needs/:id',
  summary: '修改技术需求',
  tags,
  access: { resource: 'need', action: 'update' },
  params: IdParams,
  body: NeedInput,
  response: Need,
});
export const DeleteNeedRoute = defineRoute({
  method: 'DELETE',
  path: '/api/needs/:id',
  summary: '删除技术需求',
  tags,
  access: { resource: 'need', action: 'delete' },
  params: IdParams,
  response: Need,
});
export const MoveNeedStageRoute = defineRoute({
  method: 'POST',
  path: '/api/needs/:id/stage',
  summary: '需求阶段变更（审核、发布、关闭…）',
  tags,
  access: { resource: 'need', action: 'update' },
  params: IdParams,
  body: NeedStageInput,
  response: Need,
});

// ---- recommendations

export const GetNeedRecommendationsRoute = defineRoute({
  method: 'GET',
  path: '/api/needs/:id/recommendations',
  summary: '为需求推荐院所、成果和专家（含匹配理由；企业看本企业需求，院所只看本院所一行）',
  tags,
  access: { resource: 'need', action: 'read' },
  params: IdParams,
  query: RecommendationQuery,
  response: NeedRecommendations,
});
export const RejectRecommendationRoute = defineRoute({
  method: 'POST',
  path: '/api/needs/:id/rejections',
  summary: '标记推荐不合适（附原因）',
  tags,
  access: { resource: 'pairing', action: 'create' },
  params: IdParams,
  body: RejectInput,
  response: Ok,
});
export const InstituteNeedsQuery = z.object({ top: z.coerce.number().int().min(1).max(50).default(10) });
export const GetInstituteNeedRecommendationsRoute = defineRoute({
  method: 'GET',
  path: '/api/institutes/:id/need-recommendations',
  summary: '院所可承接的已发布需求',
  tags,
  access: { resource: 'need', action: 'read' },
  params: IdParams,
  query: InstituteNeedsQuery,
  response: InstituteNeedRecommendations,
});
export const GetAchievementNeedRecommendationsRoute = defineRoute({
  method: 'GET',
  path: '/api/achievements/:id/need-recommendations',
  summary: '成果可对接的本地企业需求（院所只查本院所成果）',
  tags,
  access: { resource: 'need', action: 'read' },
  params: IdParams,
  query: InstituteNeedsQuery,
  response: AchievementNeedRecommendations,
});

// ---- pairings

export const ListPairingsRoute = defineRoute({
  method: 'GET',
  path: '/api/pairings',
  summary: '对接记录',
  tags,
  access: { resource: 'pairing', action: 'read' },
  query: PairingListQuery,
  response: z.array(Pairing),
});
export const CreatePairingRoute = defineRoute({
  method: 'POST',
  path: '/api/pairings',
  summary: '采纳推荐，建立对接（需求 ↔ 院所）',
  tags,
  access: { resource: 'pairing', action: 'create' },
  body: PairingInput,
  response: Pairing,
});
export const UpdatePairingRoute = defineRoute({
  method: 'PATCH',
  path: '/api/pairings/:id',
  summary: '记录对接所在活动、进展',
  tags,
  access: { resource: 'pairing', action: 'update' },
  params: IdParams,
  body: PairingUpdateInput,
  response: Pairing,
});
export const GetRejectionReportRoute = defineRoute({
  method: 'GET',
  path: '/api/pairings/rejections',
  summary: '推荐不合适原因（按院所统计）',
  tags,
  access: { resource: 'pairing', action: 'read' },
  response: RejectionReport,
});

// ---- achievements

export const ListAchievementsRoute = defineRoute({
  method: 'GET',
  path: '/api/achievements',
  summary: '科技成果列表',
  tags,
  access: { resource: 'achievement', action: 'read' },
  query: AchievementListQuery,
  response: AchievementPage,
});
export const CreateAchievementRoute = defineRoute({
  method: 'POST',
  path: '/api/achievements',
  summary: '新增科技成果',
  tags,
  access: { resource: 'achievement', action: 'create' },
  body: AchievementInput,
  response: Achievement,
});
export const PreviewAchievementImportRoute = defineRoute({
  method: 'POST',
  path: '/api/achievements/import',
  summary: '导入科技成果（.xlsx 预览：逐行校验，不写入）',
  tags,
  access: { resource: 'achievement', action: 'import' },
  kind: 'upload',
  response: ImportPreview,
});
export const ConfirmAchievementImportRoute = defineRoute({
  method: 'POST',
  path: '/api/achievements/import/confirm',
  summary: '确认导入预览中的有效行',
  tags,
  access: { resource: 'achievement', action: 'import' },
  body: ImportConfirmInput,
  response: ImportJob,
});
export const ImportAchievementsJsonlRoute = defineRoute({
  method: 'POST',
  path: '/api/achievements/import-jsonl',
  summary: '导入语料格式（JSONL）的成果，用于演示',
  tags,
  access: { resource: 'achievement_corpus', action: 'import' },
  kind: 'upload',
  response: AchievementJsonlResult,
});
export const GetAchievementRoute = defineRoute({
  method: 'GET',
  path: '/api/achievements/:id',
  summary: '科技成果详情',
  tags,
  access: { resource: 'achievement', action: 'read' },
  params: IdParams,
  response: Achievement,
});
export const UpdateAchievementRoute = defineRoute({
  method: 'PUT',
  path: '/api/achievements/:id',
  summary: '修改科技成果',
  tags,
  access: { resource: 'achievement', action: 'update' },
  params: IdParams,
  body: AchievementInput,
  response: Achievement,
});
export const DeleteAchievementRoute = defineRoute({
  method: 'DELETE',
  path: '/api/achievements/:id',
  summary: '删除科技成果',
  tags,
  access: { resource: 'achievement', action: 'delete' },
  params: IdParams,
  response: Achievement,
});

// ---- events

export const ListEventsRoute = defineRoute({
  method: 'GET',
  path: '/api/events',
  summary: '对接活动列表',
  tags,
  access: { resource: 'event', action: 'read' },
  query: EventListQuery,
  response: EventPage,
});
export const MatchmakingSummaryQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const GetMatchmakingSummaryRoute = defineRoute({
  method: 'GET',
  path: '/api/matchmaking/summary',
  summary: '产学研对接年度数据（由记录计算）',
  tags,
  access: { resource: 'event', action: 'read' },
  query: MatchmakingSummaryQuery,
  response: MatchmakingSummary,
});
export const CreateEventRoute = defineRoute({
  method: 'POST',
  path: '/api/events',
  summary: '新增对接活动',
  tags,
  access: { resource: 'event', action: 'create' },
  body: EventInput,
  response: MatchmakingEvent,
});
export const GetEventRoute = defineRoute({
  method: 'GET',
  path: '/api/events/:id',
  summary: '对接活动详情（签到、对接、成果）',
  tags,
  access: { resource: 'event', action: 'read' },
  params: IdParams,
  response: MatchmakingEvent,
});
export const UpdateEventRoute = defineRoute({
  method: 'PUT',
  path: '/api/events/:id',
  summary: '修改对接活动',
  tags,
  access: { resource: 'event', action: 'update' },
  params: IdParams,
  body: EventInput,
  response: MatchmakingEvent,
});
export const DeleteEventRoute = defineRoute({
  method: 'DELETE',
  path: '/api/events/:id',
  summary: '删除对接活动',
  tags,
  access: { resource: 'event', action: 'delete' },
  params: IdParams,
  response: MatchmakingEvent,
});
export const AttendanceParams = z.object({ id: z.uuid(), participantId: z.uuid() });
export const AttendanceInput = z.object({ attended: z.boolean() });
export const SetAttendanceRoute = defineRoute({
  method: 'POST',
  path: '/api/events/:id/participants/:participantId/attendance',
  summary: '手工登记签到',
  tags,
  access: { resource: 'event', action: 'update' },
  params: AttendanceParams,
  body: AttendanceInput,
  response: MatchmakingEvent,
});
export const ExportEventReportRoute = defineRoute({
  method: 'GET',
  path: '/api/events/:id/report.docx',
  summary: '活动报告（.docx）',
  tags,
  access: { resource: 'event', action: 'export' },
  params: IdParams,
  kind: 'file',
});

// ---- QR sign-in: no session, the token in the URL is the credential (rate-limited by the server)

export const GetCheckinRoute = defineRoute({
  method: 'GET',
  path: '/api/checkin/:token',
  summary: '扫码签到：活动信息',
  tags,
  access: 'public',
  params: CheckinParams,
  response: CheckinInfo,
});
export const CheckinRoute = defineRoute({
  method: 'POST',
  path: '/api/checkin/:token',
  summary: '扫码签到',
  tags,
  access: 'public',
  params: CheckinParams,
  body: CheckinInput,
  response: CheckinResult,
});

/** The region's QR sign-in window (活动签到时间), set by the bureau; the database enforces it. */
export const GetCheckinWindowRoute = defineRoute({
  method: 'GET',
  path: '/api/settings/checkin-window',
  summary: '本区域对接活动的扫码签到时间',
  tags,
  access: { resource: 'event', action: 'read' },
  response: CheckinWindow,
});
export const SaveCheckinWindowRoute = defineRoute({
  method: 'PUT',
  path: '/api/settings/checkin-window',
  summary: '设置本区域对接活动的扫码签到时间',
  tags,
  access: { resource: 'event', action: 'update' },
  body: CheckinWindow,
  response: CheckinWindow,
});
