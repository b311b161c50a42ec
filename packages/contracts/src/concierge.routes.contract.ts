import {
  AssignInput,
  CalendarYear,
  CalendarYearInput,
  CalendarYearParams,
  HandoffAnswerInput,
  HandoffInput,
  HandoffParams,
  HelperOptions,
  NoteInput,
  RateInput,
  RequestIdParams,
  ServiceRequest,
  ServiceRequestInput,
  ServiceRequestListQuery,
  ServiceRequestMoveInput,
  ServiceRequestPage,
  StationChallenge,
  StationInput,
  StationParams,
  StationReceipt,
  TimeLimits,
  TimeLimitsInput,
  TransferDecisionInput,
  TransferParams,
  TransferRequestInput,
} from './concierge.contract.ts';
import { defineRoute } from './route.ts';

/** The concierge API (帮办), declared once: the server registers these, the web calls them. */

const tags = ['concierge'] as const;
const read = { resource: 'service_request', action: 'read' } as const;
const create = { resource: 'service_request', action: 'create' } as const;
const update = { resource: 'service_request', action: 'update' } as const;

export const ListServiceRequestsRoute = defineRoute({
  method: 'GET',
  path: '/api/concierge/requests',
  summary: '诉求列表（我的诉求、逾期、待分派）',
  tags,
  access: read,
  query: ServiceRequestListQuery,
  response: ServiceRequestPage,
});
export const GetServiceRequestRoute = defineRoute({
  method: 'GET',
  path: '/api/concierge/requests/:id',
  summary: '诉求详情（办理记录、转办、部门协办）',
  tags,
  access: read,
  params: RequestIdParams,
  response: ServiceRequest,
});
export const CreateServiceRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests',
  summary: '提交诉求（重复提交只生成一条）',
  tags,
  access: create,
  body: ServiceRequestInput,
  response: ServiceRequest,
});
export const MoveServiceRequestStageRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests/:id/stage',
  summary: '诉求阶段变更（受理、办理、办结、退回、撤回）',
  tags,
  access: update,
  params: RequestIdParams,
  body: ServiceRequestMoveInput,
  response: ServiceRequest,
});
export const RateServiceRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests/:id/rating',
  summary: '评价已办结的诉求（仅诉求人）',
  tags,
  access: update,
  params: RequestIdParams,
  body: RateInput,
  response: ServiceRequest,
});
export const AssignServiceRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests/:id/assign',
  summary: '分派帮办专员',
  tags,
  access: update,
  params: RequestIdParams,
  body: AssignInput,
  response: ServiceRequest,
});
export const RequestTransferRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests/:id/transfers',
  summary: '申请转办给另一位帮办专员（须负责人同意）',
  tags,
  access: update,
  params: RequestIdParams,
  body: TransferRequestInput,
  response: ServiceRequest,
});
export const DecideTransferRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests/:id/transfers/:transferId/decision',
  summary: '负责人同意或不同意转办',
  tags,
  access: update,
  params: TransferParams,
  body: TransferDecisionInput,
  response: ServiceRequest,
});
export const AddHandoffRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests/:id/handoffs',
  summary: '转部门协办（记录部门、发出日期；时限照常计算）',
  tags,
  access: update,
  params: RequestIdParams,
  body: HandoffInput,
  response: ServiceRequest,
});
export const AnswerHandoffRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests/:id/handoffs/:handoffId/answer',
  summary: '登记部门答复',
  tags,
  access: update,
  params: HandoffParams,
  body: HandoffAnswerInput,
  response: ServiceRequest,
});
export const AddServiceNoteRoute = defineRoute({
  method: 'POST',
  path: '/api/concierge/requests/:id/notes',
  summary: '办理记录',
  tags,
  access: update,
  params: RequestIdParams,
  body: NoteInput,
  response: ServiceRequest,
});
export const ListHelpersRoute = defineRoute({
  method: 'GET',
  path: '/api/concierge/helpers',
  summary: '可分派的帮办专员',
  tags,
  access: read,
  response: HelperOptions,
});

// ---- office settings: time limits and the working calendar ------------------------------

export const GetTimeLimitsRoute = defineRoute({
  method: 'GET',
  path: '/api/concierge/time-limits',
  summary: '办理时限（按诉求类别，工作日）',
  tags,
  access: { resource: 'service_setting', action: 'read' },
  response: TimeLimits,
});
export const SaveTimeLimitsRoute = defineRoute({
  method: 'PUT',
  path: '/api/concierge/time-limits',
  summary: '设置办理时限',
  tags,
  access: { resource: 'service_setting', action: 'update' },
  body: TimeLimitsInput,
  response: TimeLimits,
});
export const GetCalendarYearRoute = defineRoute({
  method: 'GET',
  path: '/api/concierge/calendar/:year',
  summary: '工作日历（法定节假日与调休上班日）',
  tags,
  access: { resource: 'service_setting', action: 'read' },
  params: CalendarYearParams,
  response: CalendarYear,
});
export const SaveCalendarYearRoute = defineRoute({
  method: 'PUT',
  path: '/api/concierge/calendar/:year',
  summary: '载入一年的工作日历（替换该年）',
  tags,
  access: { resource: 'service_setting', action: 'update' },
  params: CalendarYearParams,
  body: CalendarYearInput,
  response: CalendarYear,
});

// ---- the service station (驿站), no account --------------------------------------------

export const GetStationRoute = defineRoute({
  method: 'GET',
  path: '/api/station/:regionCode',
  summary: '驿站：地区名称与验证题',
  tags: ['station'],
  access: 'public',
  params: StationParams,
  response: StationChallenge,
});
export const SubmitStationRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/station/:regionCode/requests',
  summary: '驿站：提交诉求（只返回受理编号）',
  tags: ['station'],
  access: 'public',
  params: StationParams,
  body: StationInput,
  response: StationReceipt,
});
