import { IdParams } from './common.contract.ts';
import { ImportConfirmInput } from './directory.contract.ts';
import { ImportJob } from './import-jobs.contract.ts';
import {
  Assignable,
  BoardQuery,
  LedgerEntryInput,
  LedgerExportQuery,
  LedgerImportPreview,
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
} from './recruitment.contract.ts';
import { defineRoute } from './route.ts';

/** The recruitment API (大院大所招引), declared once: the server registers these, the web calls them. */

const tags = ['recruitment'] as const;
const read = { resource: 'recruitment', action: 'read' } as const;
const update = { resource: 'recruitment', action: 'update' } as const;

// ---- plans -----------------------------------------------------------------------------------

export const GetRecruitmentPlanRoute = defineRoute({
  method: 'GET',
  path: '/api/recruitment/plans/:year',
  summary: '年度招引方案（含完成情况）',
  tags,
  access: read,
  params: YearParams,
  response: RecruitmentPlan,
});
export const SaveRecruitmentPlanRoute = defineRoute({
  method: 'PUT',
  path: '/api/recruitment/plans/:year',
  summary: '设置年度招引方案',
  tags,
  access: update,
  params: YearParams,
  body: RecruitmentPlanInput,
  response: RecruitmentPlan,
});

// ---- records ---------------------------------------------------------------------------------

export const ListRecruitmentRecordsRoute = defineRoute({
  method: 'GET',
  path: '/api/recruitment/records',
  summary: '招引记录列表（筛选：阶段、等级、督办灯、产业、责任人、逾期）',
  tags,
  access: read,
  query: RecruitmentListQuery,
  response: RecruitmentPage,
});
export const GetRecruitmentBoardRoute = defineRoute({
  method: 'GET',
  path: '/api/recruitment/board',
  summary: '招引看板（按阶段、等级、督办灯或责任人分列）',
  tags,
  access: read,
  query: BoardQuery,
  response: RecruitmentBoard,
});
export const GetMyRecruitmentWorkRoute = defineRoute({
  method: 'GET',
  path: '/api/recruitment/my-work',
  summary: '我的工作：我负责或参与的记录、逾期节点、本周到期事项',
  tags,
  access: read,
  response: MyWork,
});
export const ListRecruitmentAssignableRoute = defineRoute({
  method: 'GET',
  path: '/api/recruitment/assignable',
  summary: '可担任责任人、专班成员的人员',
  tags,
  access: read,
  response: Assignable,
});
export const GetRecruitmentRecordRoute = defineRoute({
  method: 'GET',
  path: '/api/recruitment/records/:id',
  summary: '招引记录详情（台账、节点、专班、亮灯历史）',
  tags,
  access: read,
  params: IdParams,
  response: Recruitment,
});
export const CreateRecruitmentRecordRoute = defineRoute({
  method: 'POST',
  path: '/api/recruitment/records',
  summary: '新增招引记录（一院所一专班）',
  tags,
  access: { resource: 'recruitment', action: 'create' },
  body: RecruitmentInput,
  response: Recruitment,
});
export const UpdateRecruitmentRecordRoute = defineRoute({
  method: 'PUT',
  path: '/api/recruitment/records/:id',
  summary: '修改招引记录',
  tags,
  access: update,
  params: IdParams,
  body: RecruitmentInput,
  response: Recruitment,
});
export const PatchRecruitmentRecordRoute = defineRoute({
  method: 'PATCH',
  path: '/api/recruitment/records/:id',
  summary: '只修改招引记录的等级或责任人（看板拖动）',
  tags,
  access: update,
  params: IdParams,
  body: RecruitmentPatch,
  response: Recruitment,
});
export const MoveRecruitmentStageRoute = defineRoute({
  method: 'POST',
  path: '/api/recruitment/records/:id/stage',
  summary: '变更阶段（按流转规则；自动记入台账）',
  tags,
  access: update,
  params: IdParams,
  body: StageMoveInput,
  response: Recruitment,
});

// ---- ledger ----------------------------------------------------------------------------------

export const AddRecruitmentEntryRoute = defineRoute({
  method: 'POST',
  path: '/api/recruitment/records/:id/entries',
  summary: '新增台账条目（含更正条目）',
  tags,
  access: update,
  params: IdParams,
  body: LedgerEntryInput,
  response: Recruitment,
});
export const UpdateRecruitmentEntryRoute = defineRoute({
  method: 'PUT',
  path: '/api/recruitment/entries/:id',
  summary: '修改台账条目（仅填报后 7 天内）',
  tags,
  access: update,
  params: IdParams,
  body: LedgerEntryInput,
  response: Recruitment,
});
export const ExportRecruitmentLedgerRoute = defineRoute({
  method: 'GET',
  path: '/api/recruitment/ledger.xlsx',
  summary: '导出月度工作台账（.xlsx）',
  tags,
  access: { resource: 'recruitment', action: 'export' },
  query: LedgerExportQuery,
  kind: 'file',
});
export const PreviewRecruitmentLedgerImportRoute = defineRoute({
  method: 'POST',
  path: '/api/recruitment/ledger/import',
  summary: '导入工作台账（预览：逐行校验，不写入）',
  tags,
  access: { resource: 'recruitment', action: 'import' },
  response: LedgerImportPreview,
  kind: 'upload',
});
export const ConfirmRecruitmentLedgerImportRoute = defineRoute({
  method: 'POST',
  path: '/api/recruitment/ledger/import/confirm',
  summary: '确认导入预览中的有效行',
  tags,
  access: { resource: 'recruitment', action: 'import' },
  body: ImportConfirmInput,
  response: ImportJob,
});

// ---- milestones ------------------------------------------------------------------------------

export const AddRecruitmentMilestoneRoute = defineRoute({
  method: 'POST',
  path: '/api/recruitment/records/:id/milestones',
  summary: '新增节点',
  tags,
  access: update,
  params: IdParams,
  body: MilestoneInput,
  response: Recruitment,
});
export const UpdateRecruitmentMilestoneRoute = defineRoute({
  method: 'PUT',
  path: '/api/recruitment/milestones/:id',
  summary: '修改节点（完成日期、证明材料）',
  tags,
  access: update,
  params: IdParams,
  body: MilestoneInput,
  response: Recruitment,
});
