import {
  Assignable,
  BoardQuery,
  IdParams,
  ImportConfirmInput,
  LedgerEntryInput,
  LedgerExportQuery,
  LedgerImportPreview,
  LedgerImportResult,
  MilestoneInput,
  MyWork,
  Recruitment,
  RecruitmentBoard,
  RecruitmentInput,
  RecruitmentListQuery,
  RecruitmentPage,
  RecruitmentPatch,
  RecruitmentPlan,
  RecruitmentPlanInput,
  StageMoveInput,
  YearParams,
} from '@gaodi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { guard, userCtx } from '../../platform/auth/auth.plugin.ts';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import { readUpload } from '../../platform/http/upload.ts';
import type { FilesService } from '../../platform/storage/files.service.ts';
import { createDirectoryService } from '../directory/index.ts';
import type { PlatformService } from '../innovation/index.ts';
import type { SupervisionService } from '../supervision/index.ts';
import { createLedgerImport } from './operations/import-ledger.ts';
import { exportRecruitmentLedger } from './recruitment.export.ts';
import { createRecruitmentService } from './recruitment.service.ts';

type Deps = {
  auth: AuthService;
  db: Database;
  clock: Clock;
  uploads: UploadStore;
  files: FilesService;
  supervision: SupervisionService;
  platforms: PlatformService;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const recruitmentRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { auth, db, clock, uploads } = deps;
  const recruitment = createRecruitmentService({
    db,
    clock,
    supervision: deps.supervision,
    platforms: deps.platforms,
    files: deps.files,
  });
  const ledgerImport = createLedgerImport({
    db,
    clock,
    uploads,
    recruitment,
    directory: createDirectoryService({ db, clock }),
    supervision: deps.supervision,
  });
  const tags = ['recruitment'];
  const read = guard(auth, 'recruitment', 'read');

  app.get(
    '/api/recruitment/plans/:year',
    {
      schema: {
        tags,
        summary: '年度招引方案（含完成情况）',
        params: YearParams,
        response: { 200: RecruitmentPlan },
      },
      preHandler: read,
    },
    async (request) => recruitment.getPlan(userCtx(request), request.params.year),
  );
  app.put(
    '/api/recruitment/plans/:year',
    {
      schema: {
        tags,
        summary: '设置年度招引方案',
        params: YearParams,
        body: RecruitmentPlanInput,
        response: { 200: RecruitmentPlan },
      },
      preHandler: guard(auth, 'recruitment', 'update'),
    },
    async (request) => recruitment.putPlan(userCtx(request), request.params.year, request.body),
  );
  app.get(
    '/api/recruitment/records',
    {
      schema: {
        tags,
        summary: '招引记录列表（筛选：阶段、等级、督办灯、产业、责任人、逾期）',
        querystring: RecruitmentListQuery,
        response: { 200: RecruitmentPage },
      },
      preHandler: read,
    },
    async (request) => recruitment.listRecords(userCtx(request), request.query),
  );
  app.get(
    '/api/recruitment/board',
    {
      schema: {
        tags,
        summary: '招引看板（按阶段、等级、督办灯或责任人分列）',
        querystring: BoardQuery,
        response: { 200: RecruitmentBoard },
      },
      preHandler: read,
    },
    async (request) => recruitment.board(userCtx(request), request.query),
  );
  app.get(
    '/api/recruitment/my-work',
    {
      schema: {
        tags,
        summary: '我的工作：我负责或参与的记录、逾期节点、本周到期事项',
        response: { 200: MyWork },
      },
      preHandler: read,
    },
    async (request) => recruitment.myWork(userCtx(request)),
  );
  app.get(
    '/api/recruitment/assignable',
    {
      schema: { tags, summary: '可担任责任人、专班成员的人员', response: { 200: Assignable } },
      preHandler: read,
    },
    async (request) => recruitment.assignable(userCtx(request)),
  );
  app.get(
    '/api/recruitment/ledger.xlsx',
    {
      schema: { tags, summary: '导出月度工作台账（.xlsx）', querystring: LedgerExportQuery },
      preHandler: guard(auth, 'recruitment', 'export'),
    },
    async (request, reply) => {
      const { buffer, regionName } = await exportRecruitmentLedger(
        { db, clock },
        userCtx(request),
        request.query,
      );
      const name = encodeURIComponent(`${regionName}大院大所招引工作台账${request.query.month}.xlsx`);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="recruitment-ledger-${request.query.month}.xlsx"; filename*=UTF-8''${name}`,
        )
        .send(buffer);
    },
  );
  app.post(
    '/api/recruitment/ledger/import',
    {
      schema: {
        tags,
        summary: '导入工作台账（预览：逐行校验，不写入）',
        consumes: ['multipart/form-data'],
        response: { 200: LedgerImportPreview },
      },
      preHandler: guard(auth, 'recruitment', 'import'),
    },
    async (request) => {
      const { bytes } = await readUpload(request);
      return ledgerImport.preview(userCtx(request), bytes);
    },
  );
  app.post(
    '/api/recruitment/ledger/import/confirm',
    {
      schema: {
        tags,
        summary: '确认导入预览中的有效行',
        body: ImportConfirmInput,
        response: { 200: LedgerImportResult },
      },
      preHandler: guard(auth, 'recruitment', 'import'),
    },
    async (request) => ledgerImport.confirm(userCtx(request), request.body.token),
  );
  app.get(
    '/api/recruitment/records/:id',
    {
      schema: {
        tags,
        summary: '招引记录详情（台账、节点、专班、亮灯历史）',
        params: IdParams,
        response: { 200: Recruitment },
      },
      preHandler: read,
    },
    async (request) => recruitment.getRecord(userCtx(request), request.params.id),
  );
  app.post(
    '/api/recruitment/records',
    {
      schema: {
        tags,
        summary: '新增招引记录（一院所一专班）',
        body: RecruitmentInput,
        response: { 200: Recruitment },
      },
      preHandler: guard(auth, 'recruitment', 'create'),
    },
    async (request) => recruitment.createRecord(userCtx(request), request.body),
  );
  app.put(
    '/api/recruitment/records/:id',
    {
      schema: {
        tags,
        summary: '修改招引记录',
        params: IdParams,
        body: RecruitmentInput,
        response: { 200: Recruitment },
      },
      preHandler: guard(auth, 'recruitment', 'update'),
    },
    async (request) => recruitment.updateRecord(userCtx(request), request.params.id, request.body),
  );
  app.patch(
    '/api/recruitment/records/:id',
    {
      schema: {
        tags,
        summary: '只修改招引记录的等级或责任人（看板拖动）',
        params: IdParams,
        body: RecruitmentPatch,
        response: { 200: Recruitment },
      },
      preHandler: guard(auth, 'recruitment', 'update'),
    },
    async (request) => recruitment.patchRecord(userCtx(request), request.params.id, request.body),
  );
  app.post(
    '/api/recruitment/records/:id/stage',
    {
      schema: {
        tags,
        summary: '变更阶段（按流转规则；自动记入台账）',
        params: IdParams,
        body: StageMoveInput,
        response: { 200: Recruitment },
      },
      preHandler: guard(auth, 'recruitment', 'update'),
    },
    async (request) => recruitment.moveStage(userCtx(request), request.params.id, request.body),
  );
  app.post(
    '/api/recruitment/records/:id/entries',
    {
      schema: {
        tags,
        summary: '新增台账条目（含更正条目）',
        params: IdParams,
        body: LedgerEntryInput,
        response: { 200: Recruitment },
      },
      preHandler: guard(auth, 'recruitment', 'update'),
    },
    async (request) => recruitment.addEntry(userCtx(request), request.params.id, request.body),
  );
  app.put(
    '/api/recruitment/entries/:id',
    {
      schema: {
        tags,
        summary: '修改台账条目（仅填报后 7 天内）',
        params: IdParams,
        body: LedgerEntryInput,
        response: { 200: Recruitment },
      },
      preHandler: guard(auth, 'recruitment', 'update'),
    },
    async (request) => recruitment.updateEntry(userCtx(request), request.params.id, request.body),
  );
  app.post(
    '/api/recruitment/records/:id/milestones',
    {
      schema: {
        tags,
        summary: '新增节点',
        params: IdParams,
        body: MilestoneInput,
        response: { 200: Recruitment },
      },
      preHandler: guard(auth, 'recruitment', 'update'),
    },
    async (request) => recruitment.addMilestone(userCtx(request), request.params.id, request.body),
  );
  app.put(
    '/api/recruitment/milestones/:id',
    {
      schema: {
        tags,
        summary: '修改节点（完成日期、证明材料）',
        params: IdParams,
        body: MilestoneInput,
        response: { 200: Recruitment },
      },
      preHandler: guard(auth, 'recruitment', 'update'),
    },
    async (request) => recruitment.updateMilestone(userCtx(request), request.params.id, request.body),
  );
};
