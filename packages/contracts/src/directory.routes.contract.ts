import { z } from 'zod';
import { IdParams } from './common.contract.ts';
import {
  Enterprise,
  EnterpriseInput,
  EnterpriseListQuery,
  EnterprisePage,
  Expert,
  ExpertInput,
  ExpertListQuery,
  ExpertPage,
  ImportConfirmInput,
  ImportPreview,
  Industry,
  IndustryInput,
  Institute,
  InstituteAliasesInput,
  InstituteInput,
  InstituteListQuery,
  InstitutePage,
} from './directory.contract.ts';
import { ImportJob } from './import-jobs.contract.ts';
import { defineRoute } from './route.ts';

/** The directory's routes (名录): industries, enterprises, institutes, experts. */
const tags = ['directory'] as const;

// ---- industries

export const ListIndustriesRoute = defineRoute({
  method: 'GET',
  path: '/api/industries',
  summary: '产业列表',
  tags,
  access: { resource: 'industry', action: 'read' },
  response: z.array(Industry),
});
export const CreateIndustryRoute = defineRoute({
  method: 'POST',
  path: '/api/industries',
  summary: '新增产业',
  tags,
  access: { resource: 'industry', action: 'create' },
  body: IndustryInput,
  response: Industry,
});

// ---- enterprises

export const ListEnterprisesRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises',
  summary: '企业列表（支持名称、拼音首字母、信用代码搜索）',
  tags,
  access: { resource: 'enterprise', action: 'read' },
  query: EnterpriseListQuery,
  response: EnterprisePage,
});
export const ExportEnterprisesRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/export.xlsx',
  summary: '导出企业台账（.xlsx）',
  tags,
  access: { resource: 'enterprise', action: 'export' },
  query: EnterpriseListQuery,
  kind: 'file',
});
export const PreviewEnterpriseImportRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/import',
  summary: '导入企业（预览：逐行校验，不写入）',
  tags,
  access: { resource: 'enterprise', action: 'import' },
  kind: 'upload',
  response: ImportPreview,
});
export const ConfirmEnterpriseImportRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/import/confirm',
  summary: '确认导入预览中的有效行',
  tags,
  access: { resource: 'enterprise', action: 'import' },
  body: ImportConfirmInput,
  response: ImportJob,
});
export const GetEnterpriseRoute = defineRoute({
  method: 'GET',
  path: '/api/enterprises/:id',
  summary: '企业详情',
  tags,
  access: { resource: 'enterprise', action: 'read' },
  params: IdParams,
  response: Enterprise,
});
export const CreateEnterpriseRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises',
  summary: '新增企业',
  tags,
  access: { resource: 'enterprise', action: 'create' },
  body: EnterpriseInput,
  response: Enterprise,
});
export const UpdateEnterpriseRoute = defineRoute({
  method: 'PUT',
  path: '/api/enterprises/:id',
  summary: '修改企业',
  tags,
  access: { resource: 'enterprise', action: 'update' },
  params: IdParams,
  body: EnterpriseInput,
  response: Enterprise,
});
export const DeleteEnterpriseRoute = defineRoute({
  method: 'DELETE',
  path: '/api/enterprises/:id',
  summary: '删除企业（可恢复）',
  tags,
  access: { resource: 'enterprise', action: 'delete' },
  params: IdParams,
  response: Enterprise,
});
export const RestoreEnterpriseRoute = defineRoute({
  method: 'POST',
  path: '/api/enterprises/:id/restore',
  summary: '恢复已删除企业',
  tags,
  access: { resource: 'enterprise', action: 'delete' },
  params: IdParams,
  response: Enterprise,
});

// ---- institutes

export const ListInstitutesRoute = defineRoute({
  method: 'GET',
  path: '/api/institutes',
  summary: '院所列表',
  tags,
  access: { resource: 'institute', action: 'read' },
  query: InstituteListQuery,
  response: InstitutePage,
});
export const GetInstituteRoute = defineRoute({
  method: 'GET',
  path: '/api/institutes/:id',
  summary: '院所详情',
  tags,
  access: { resource: 'institute', action: 'read' },
  params: IdParams,
  response: Institute,
});
export const UpdateInstituteAliasesRoute = defineRoute({
  method: 'PUT',
  path: '/api/institutes/:id/aliases',
  summary: '修改院所别名（简称，如 北工大、山大、中科院，按别名及其拼音可检索）',
  tags,
  access: { resource: 'institute', action: 'update' },
  params: IdParams,
  body: InstituteAliasesInput,
  response: Institute,
});
export const CreateInstituteRoute = defineRoute({
  method: 'POST',
  path: '/api/institutes',
  summary: '新增院所',
  tags,
  access: { resource: 'institute', action: 'create' },
  body: InstituteInput,
  response: Institute,
});
export const UpdateInstituteRoute = defineRoute({
  method: 'PUT',
  path: '/api/institutes/:id',
  summary: '修改院所',
  tags,
  access: { resource: 'institute', action: 'update' },
  params: IdParams,
  body: InstituteInput,
  response: Institute,
});
export const DeleteInstituteRoute = defineRoute({
  method: 'DELETE',
  path: '/api/institutes/:id',
  summary: '删除院所（可恢复）',
  tags,
  access: { resource: 'institute', action: 'delete' },
  params: IdParams,
  response: Institute,
});
export const RestoreInstituteRoute = defineRoute({
  method: 'POST',
  path: '/api/institutes/:id/restore',
  summary: '恢复已删除院所',
  tags,
  access: { resource: 'institute', action: 'delete' },
  params: IdParams,
  response: Institute,
});

// ---- experts

export const ListExpertsRoute = defineRoute({
  method: 'GET',
  path: '/api/experts',
  summary: '专家列表',
  tags,
  access: { resource: 'expert', action: 'read' },
  query: ExpertListQuery,
  response: ExpertPage,
});
export const GetExpertRoute = defineRoute({
  method: 'GET',
  path: '/api/experts/:id',
  summary: '专家详情',
  tags,
  access: { resource: 'expert', action: 'read' },
  params: IdParams,
  response: Expert,
});
export const CreateExpertRoute = defineRoute({
  method: 'POST',
  path: '/api/experts',
  summary: '新增专家',
  tags,
  access: { resource: 'expert', action: 'create' },
  body: ExpertInput,
  response: Expert,
});
export const UpdateExpertRoute = defineRoute({
  method: 'PUT',
  path: '/api/experts/:id',
  summary: '修改专家',
  tags,
  access: { resource: 'expert', action: 'update' },
  params: IdParams,
  body: ExpertInput,
  response: Expert,
});
export const DeleteExpertRoute = defineRoute({
  method: 'DELETE',
  path: '/api/experts/:id',
  summary: '删除专家（可恢复）',
  tags,
  access: { resource: 'expert', action: 'delete' },
  params: IdParams,
  response: Expert,
});
export const RestoreExpertRoute = defineRoute({
  method: 'POST',
  path: '/api/experts/:id/restore',
  summary: '恢复已删除专家',
  tags,
  access: { resource: 'expert', action: 'delete' },
  params: IdParams,
  response: Expert,
});
