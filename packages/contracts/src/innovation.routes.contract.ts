import { z } from 'zod';
import { IdParams } from './common.contract.ts';
import {
  AssessmentInput,
  CriteriaAnswer,
  EvidenceInput,
  OperatingCriteria,
  Platform,
  PlatformDetail,
  PlatformListQuery,
  PlatformPage,
  PlatformRegisterInput,
  PlatformUpdateInput,
  ProjectLinksInput,
} from './innovation.contract.ts';
import { defineRoute } from './route.ts';

const tags = ['platforms'];
const read = { resource: 'platform', action: 'read' } as const;
const update = { resource: 'platform', action: 'update' } as const;
const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ListPlatformOptionsRoute = defineRoute({
  method: 'GET',
  path: '/api/platforms/options',
  summary: '创新平台选项（招引“运营”阶段关联平台用）',
  tags,
  access: read,
  response: z.array(Platform),
});
export const ListPlatformsRoute = defineRoute({
  method: 'GET',
  path: '/api/platforms',
  summary: '创新平台列表（按类型、级别、1+4+N、产业、是否实体化运营筛选）',
  tags,
  access: read,
  query: PlatformListQuery,
  response: PlatformPage,
});
export const RegisterPlatformRoute = defineRoute({
  method: 'POST',
  path: '/api/platforms',
  summary: '登记创新平台（含共建单位及其角色）',
  tags,
  access: { resource: 'platform', action: 'create' },
  body: PlatformRegisterInput,
  response: PlatformDetail,
});
export const GetPlatformRoute = defineRoute({
  method: 'GET',
  path: '/api/platforms/:id',
  summary: '创新平台详情：共建单位、逐年运营佐证、考核、项目与招引记录',
  tags,
  access: read,
  params: IdParams,
  query: YearQuery,
  response: PlatformDetail,
});
export const UpdatePlatformRoute = defineRoute({
  method: 'PUT',
  path: '/api/platforms/:id',
  summary: '修改创新平台及其共建单位',
  tags,
  access: update,
  params: IdParams,
  body: PlatformUpdateInput,
  response: PlatformDetail,
});
export const SavePlatformEvidenceRoute = defineRoute({
  method: 'PUT',
  path: '/api/platforms/:id/evidence',
  summary: '填报某一年度实体化运营佐证（人员、场地、设备、研发投入、产出、附件）',
  tags,
  access: update,
  params: IdParams,
  body: EvidenceInput,
  response: PlatformDetail,
});
export const SavePlatformAssessmentRoute = defineRoute({
  method: 'PUT',
  path: '/api/platforms/:id/assessment',
  summary: '年度考核：等次与考核意见',
  tags,
  access: update,
  params: IdParams,
  body: AssessmentInput,
  response: PlatformDetail,
});
export const LinkPlatformProjectsRoute = defineRoute({
  method: 'PUT',
  path: '/api/platforms/:id/projects',
  summary: '设置平台承载的合作项目',
  tags,
  access: update,
  params: IdParams,
  body: ProjectLinksInput,
  response: PlatformDetail,
});
export const GetPlatformCriteriaRoute = defineRoute({
  method: 'GET',
  path: '/api/platform-criteria',
  summary: '本区域实体化运营认定标准',
  tags,
  access: { resource: 'platform_criteria', action: 'read' },
  response: CriteriaAnswer,
});
export const SavePlatformCriteriaRoute = defineRoute({
  method: 'PUT',
  path: '/api/platform-criteria',
  summary: '设置本区域实体化运营认定标准',
  tags,
  access: { resource: 'platform_criteria', action: 'update' },
  body: OperatingCriteria,
  response: CriteriaAnswer,
});
