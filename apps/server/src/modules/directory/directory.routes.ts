import {
  Enterprise,
  EnterpriseInput,
  EnterpriseListQuery,
  EnterprisePage,
  Expert,
  ExpertInput,
  ExpertListQuery,
  ExpertPage,
  IdParams,
  ImportConfirmInput,
  ImportPreview,
  ImportResult,
  Industry,
  IndustryInput,
  Institute,
  InstituteInput,
  InstituteListQuery,
  InstitutePage,
} from '@gaodi/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { guard, userCtx } from '../../platform/auth/auth.plugin.ts';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { regions } from '../../platform/tenancy/region.table.ts';
import { writeEnterpriseLedger } from './directory.report.ts';
import { createDirectoryService } from './directory.service.ts';
import { createEnterpriseImport } from './operations/import-enterprises.ts';

type Deps = { auth: AuthService; db: Database; clock: Clock; uploads: UploadStore };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const directoryRoutes: FastifyPluginAsyncZod<Deps> = async (app, { auth, db, clock, uploads }) => {
  const directory = createDirectoryService({ db, clock });
  const enterpriseImport = createEnterpriseImport({ db, directory, uploads });
  const tags = ['directory'];

  app.get(
    '/api/industries',
    {
      schema: { tags, summary: '产业列表', response: { 200: z.array(Industry) } },
      preHandler: guard(auth, 'industry', 'read'),
    },
    async (request) => directory.listIndustries(userCtx(request)),
  );
  app.post(
    '/api/industries',
    {
      schema: { tags, summary: '新增产业', body: IndustryInput, response: { 200: Industry } },
      preHandler: guard(auth, 'industry', 'create'),
    },
    async (request) => directory.createIndustry(userCtx(request), request.body),
  );

  // ---- enterprises
  app.get(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: '企业列表（支持名称、拼音首字母、信用代码搜索）',
        querystring: EnterpriseListQuery,
        response: { 200: EnterprisePage },
      },
      preHandler: guard(auth, 'enterprise', 'read'),
    },
    async (request) => directory.listEnterprises(userCtx(request), request.query),
  );
  app.get(
    '/api/enterprises/export.xlsx',
    {
      schema: { tags, summary: '导出企业台账（.xlsx）', querystring: EnterpriseListQuery },
      preHandler: guard(auth, 'enterprise', 'export'),
    },
    async (request, reply) => {
      const ctx = userCtx(request);
      const at = clock.now();
      const { rows, regionName } = await db.transaction(ctx.scope, async (tx) => {
        const list = await directory.listEnterpriseRows(tx, ctx, { ...request.query, page: 1 }, null);
        const [region] = await tx
          .select({ name: regions.name })
          .from(regions)
          .where(eq(regions.code, ctx.user.activeRegionCode));
        await recordAudit(tx, {
          regionCode: ctx.user.activeRegionCode,
          at,
          actorId: ctx.user.id,
          actorName: ctx.user.username,
          action: 'export',
          targetType: 'enterprise',
          result: 'ok',
          clientAddress: ctx.clientAddress,
          detail: { rows: list.length },
        });
        return { rows: list, regionName: region?.name ?? ctx.user.activeRegionCode };
      });
      const buffer = await writeEnterpriseLedger({ regionName, at, rows });
      const name = encodeURIComponent(`${regionName}企业台账.xlsx`);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="enterprises.xlsx"; filename*=UTF-8''${name}`)
        .send(buffer);
    },
  );
  app.post(
    '/api/enterprises/import',
    {
      schema: {
        tags,
        summary: '导入企业（预览：逐行校验，不写入）',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreview },
      },
      preHandler: guard(auth, 'enterprise', 'import'),
    },
    async (request) => {
      const { bytes } = await readUpload(request);
      return enterpriseImport.preview(userCtx(request), bytes);
    },
  );
  app.post(
    '/api/enterprises/import/confirm',
    {
      schema: {
        tags,
        summary: '确认导入预览中的有效行',
        body: ImportConfirmInput,
        response: { 200: ImportResult },
      },
      preHandler: guard(auth, 'enterprise', 'import'),
    },
    async (request) => enterpriseImport.confirm(userCtx(request), request.body.token),
  );
  app.get(
    '/api/enterprises/:id',
    {
      schema: { tags, summary: '企业详情', params: IdParams, response: { 200: Enterprise } },
      preHandler: guard(auth, 'enterprise', 'read'),
    },
    async (request) => directory.getEnterprise(userCtx(request), request.params.id),
  );
  app.post(
    '/api/enterprises',
    {
      schema: { tags, summary: '新增企业', body: EnterpriseInput, response: { 200: Enterprise } },
      preHandler: guard(auth, 'enterprise', 'create'),
    },
    async (request) => directory.createEnterprise(userCtx(request), request.body),
  );
  app.put(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: '修改企业',
        params: IdParams,
        body: EnterpriseInput,
        response: { 200: Enterprise },
      },
      preHandler: guard(auth, 'enterprise', 'update'),
    },
    async (request) => directory.updateEnterprise(userCtx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/enterprises/:id',
    {
      schema: { tags, summary: '删除企业（可恢复）', params: IdParams, response: { 200: Enterprise } },
      preHandler: guard(auth, 'enterprise', 'delete'),
    },
    async (request) => directory.setEnterpriseDeleted(userCtx(request), request.params.id, true),
  );
  app.post(
    '/api/enterprises/:id/restore',
    {
      schema: { tags, summary: '恢复已删除企业', params: IdParams, response: { 200: Enterprise } },
      preHandler: guard(auth, 'enterprise', 'delete'),
    },
    async (request) => directory.setEnterpriseDeleted(userCtx(request), request.params.id, false),
  );

  // ---- institutes
  app.get(
    '/api/institutes',
    {
      schema: {
        tags,
        summary: '院所列表',
        querystring: InstituteListQuery,
        response: { 200: InstitutePage },
      },
      preHandler: guard(auth, 'institute', 'read'),
    },
    async (request) => directory.listInstitutes(userCtx(request), request.query),
  );
  app.get(
    '/api/institutes/:id',
    {
      schema: { tags, summary: '院所详情', params: IdParams, response: { 200: Institute } },
      preHandler: guard(auth, 'institute', 'read'),
    },
    async (request) => directory.getInstitute(userCtx(request), request.params.id),
  );
  app.post(
    '/api/institutes',
    {
      schema: { tags, summary: '新增院所', body: InstituteInput, response: { 200: Institute } },
      preHandler: guard(auth, 'institute', 'create'),
    },
    async (request) => directory.createInstitute(userCtx(request), request.body),
  );
  app.put(
    '/api/institutes/:id',
    {
      schema: {
        tags,
        summary: '修改院所',
        params: IdParams,
        body: InstituteInput,
        response: { 200: Institute },
      },
      preHandler: guard(auth, 'institute', 'update'),
    },
    async (request) => directory.updateInstitute(userCtx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/institutes/:id',
    {
      schema: { tags, summary: '删除院所（可恢复）', params: IdParams, response: { 200: Institute } },
      preHandler: guard(auth, 'institute', 'delete'),
    },
    async (request) => directory.setInstituteDeleted(userCtx(request), request.params.id, true),
  );
  app.post(
    '/api/institutes/:id/restore',
    {
      schema: { tags, summary: '恢复已删除院所', params: IdParams, response: { 200: Institute } },
      preHandler: guard(auth, 'institute', 'delete'),
    },
    async (request) => directory.setInstituteDeleted(userCtx(request), request.params.id, false),
  );

  // ---- experts
  app.get(
    '/api/experts',
    {
      schema: { tags, summary: '专家列表', querystring: ExpertListQuery, response: { 200: ExpertPage } },
      preHandler: guard(auth, 'expert', 'read'),
    },
    async (request) => directory.listExperts(userCtx(request), request.query),
  );
  app.get(
    '/api/experts/:id',
    {
      schema: { tags, summary: '专家详情', params: IdParams, response: { 200: Expert } },
      preHandler: guard(auth, 'expert', 'read'),
    },
    async (request) => directory.getExpert(userCtx(request), request.params.id),
  );
  app.post(
    '/api/experts',
    {
      schema: { tags, summary: '新增专家', body: ExpertInput, response: { 200: Expert } },
      preHandler: guard(auth, 'expert', 'create'),
    },
    async (request) => directory.createExpert(userCtx(request), request.body),
  );
  app.put(
    '/api/experts/:id',
    {
      schema: { tags, summary: '修改专家', params: IdParams, body: ExpertInput, response: { 200: Expert } },
      preHandler: guard(auth, 'expert', 'update'),
    },
    async (request) => directory.updateExpert(userCtx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/experts/:id',
    {
      schema: { tags, summary: '删除专家（可恢复）', params: IdParams, response: { 200: Expert } },
      preHandler: guard(auth, 'expert', 'delete'),
    },
    async (request) => directory.setExpertDeleted(userCtx(request), request.params.id, true),
  );
  app.post(
    '/api/experts/:id/restore',
    {
      schema: { tags, summary: '恢复已删除专家', params: IdParams, response: { 200: Expert } },
      preHandler: guard(auth, 'expert', 'delete'),
    },
    async (request) => directory.setExpertDeleted(userCtx(request), request.params.id, false),
  );
};
