import { z } from 'zod';
import { optionalText, pageOf, text } from './common.contract.ts';
import { definePipeline, StageTarget } from './pipeline.ts';
import { LightState } from './supervision.contract.ts';

/**
 * Concierge (帮办): service requests (诉求) raised by an enterprise, an institute partner, a talent
 * or investor through the service station (驿站), or by staff on someone's behalf; handled by one
 * helper within working-day time limits.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** The service-request pipeline: the requester rates a resolved request; returned and withdrawn leave. */
export const serviceRequestPipeline = definePipeline({
  key: 'service_request',
  stages: ['submitted', 'accepted', 'in_progress', 'resolved', 'rated', 'returned', 'withdrawn'],
  sideExits: ['returned', 'withdrawn'],
  labels: {
    submitted: { zh: '已提交', en: 'Submitted' },
    accepted: { zh: '已受理', en: 'Accepted' },
    in_progress: { zh: '办理中', en: 'In progress' },
    resolved: { zh: '已办结', en: 'Resolved' },
    rated: { zh: '已评价', en: 'Rated' },
    returned: { zh: '已退回', en: 'Returned' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  moves: {
    submitted: ['accepted', 'returned', 'withdrawn'],
    accepted: ['in_progress', 'resolved', 'returned', 'withdrawn'],
    in_progress: ['resolved', 'withdrawn'],
    resolved: ['rated', 'in_progress'],
    rated: [],
    returned: [],
    withdrawn: [],
  },
  requires: {
    resolved: [
      { field: 'resolution', kind: 'text', label: { zh: '办理结果', en: 'resolution' }, maxLength: 2000 },
    ],
    returned: [{ field: 'reason', kind: 'text', label: { zh: '退回原因', en: 'reason' }, maxLength: 500 }],
    rated: [{ field: 'rating', kind: 'custom', label: { zh: '满意度评分', en: 'rating' } }],
  },
  roles: {
    accepted: ['staff', 'taskforce_lead', 'helper', 'leader'],
    in_progress: ['staff', 'taskforce_lead', 'helper', 'leader'],
    resolved: ['staff', 'taskforce_lead', 'helper', 'leader'],
    returned: ['staff', 'taskforce_lead', 'helper', 'leader'],
  },
  groups: {
    submitted: 'active',
    accepted: 'active',
    in_progress: 'active',
    resolved: 'done',
    rated: 'done',
    returned: 'stopped',
    withdrawn: 'stopped',
  },
  dateOrder: [],
});
export const SERVICE_REQUEST_STAGES = serviceRequestPipeline.stages;
export const ServiceRequestStage = serviceRequestPipeline.Stage;
export type ServiceRequestStage = (typeof SERVICE_REQUEST_STAGES)[number];
export const SERVICE_REQUEST_STAGE_LABELS = serviceRequestPipeline.labels;

export const SERVICE_KINDS = [
  'policy',
  'land',
  'funding',
  'approvals',
  'talent',
  'equipment',
  'housing',
  'schooling',
  'spouse_job',
  'settling',
  'other',
] as const;
export const ServiceKind = z.enum(SERVICE_KINDS);
export type ServiceKind = z.infer<typeof ServiceKind>;
export const SERVICE_KIND_LABELS: Record<ServiceKind, { zh: string; en: string }> = {
  policy: { zh: '政策咨询', en: 'Policy' },
  land: { zh: '用地', en: 'Land' },
  funding: { zh: '资金', en: 'Funding' },
  approvals: { zh: '审批手续', en: 'Approvals' },
  talent: { zh: '人才引进', en: 'Talent' },
  equipment: { zh: '设备', en: 'Equipment' },
  housing: { zh: '安家住房', en: 'Housing' },
  schooling: { zh: '子女入学', en: 'Schooling' },
  spouse_job: { zh: '配偶就业', en: 'Spouse employment' },
  settling: { zh: '落户安居', en: 'Settling in' },
  other: { zh: '其他', en: 'Other' },
};
/** What the service station (驿站) offers a talent or investor without an account. */
export const STATION_KINDS = ['housing', 'schooling', 'spouse_job', 'settling', 'policy'] as const;
export const StationKind = z.enum(STATION_KINDS);

export const SERVICE_CHANNELS = ['portal', 'staff', 'station'] as const;
export const ServiceChannel = z.enum(SERVICE_CHANNELS);
export type ServiceChannel = z.infer<typeof ServiceChannel>;

export const SUBJECT_TYPES = ['project', 'enterprise', 'talent', 'none'] as const;
export const SubjectType = z.enum(SUBJECT_TYPES);

/** Working days to accept and to resolve, per kind; the green channel has its own, shorter pair. */
export const TimeLimit = z
  .object({
    kind: ServiceKind,
    acceptDays: z.number().int().min(1).max(60),
    resolveDays: z.number().int().min(1).max(365),
    greenAcceptDays: z.number().int().min(1).max(60),
    greenResolveDays: z.number().int().min(1).max(365),
  })
  .refine((t) => t.greenAcceptDays <= t.acceptDays, {
    path: ['greenAcceptDays'],
    message: '绿色通道时限不能长于普通时限',
  })
  .refine((t) => t.greenResolveDays <= t.resolveDays, {
    path: ['greenResolveDays'],
    message: '绿色通道时限不能长于普通时限',
  });
export type TimeLimit = z.infer<typeof TimeLimit>;
export const DEFAULT_TIME_LIMIT = { acceptDays: 2, resolveDays: 10, greenAcceptDays: 1, greenResolveDays: 5 };
export const TimeLimits = z.object({
  limits: z.array(TimeLimit.and(z.object({ isDefault: z.boolean() }))),
});
export const TimeLimitsInput = z.object({ limits: z.array(TimeLimit).max(SERVICE_KINDS.length) });

/** One day of the office's working calendar that differs from Mon–Fri: a holiday or a 调休 working day. */
export const CalendarDay = z.object({
  date: IsoDate,
  isWorking: z.boolean(),
  name: optionalText(40),
});
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarYear = z.object({ year: z.number().int(), days: z.array(CalendarDay) });
export const CalendarYearInput = z.object({ days: z.array(CalendarDay).max(366) });

export const TimelineKind = z.enum([
  'created',
  'stage',
  'assigned',
  'transfer_requested',
  'transfer_approved',
  'transfer_refused',
  'handoff_sent',
  'handoff_answered',
  'note',
]);
export const TimelineEntry = z.object({
  id: z.uuid(),
  kind: TimelineKind,
  text: z.string(),
  at: z.string(),
  actorName: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Transfer = z.object({
  id: z.uuid(),
  toHelperId: z.uuid(),
  toHelperName: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string(),
});
export type Transfer = z.infer<typeof Transfer>;

export const Handoff = z.object({
  id: z.uuid(),
  department: z.string(),
  sentOn: z.string(),
  question: z.string(),
  answer: z.string(),
  answeredOn: z.string().nullable(),
});
export type Handoff = z.infer<typeof Handoff>;

export const ServiceRequestSummary = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  number: z.string(),
  title: z.string(),
  kind: ServiceKind,
  channel: ServiceChannel,
  isGreenChannel: z.boolean(),
  stage: ServiceRequestStage,
  subStage: z.string().nullable(),
  requesterName: z.string(),
  /** Masked unless the reader owns the request (the requester, its helper). */
  contactPhone: z.string(),
  helperId: z.uuid().nullable(),
  helperName: z.string().nullable(),
  subjectName: z.string(),
  acceptDueOn: z.string().nullable(),
  resolveDueOn: z.string().nullable(),
  /** Past its due day and not yet through that step. */
  isOverdue: z.boolean(),
  createdAt: z.string(),
  light: LightState.shape.light,
});
export type ServiceRequestSummary = z.infer<typeof ServiceRequestSummary>;

export const ServiceRequest = ServiceRequestSummary.extend({
  description: z.string(),
  subjectType: SubjectType,
  subjectId: z.uuid().nullable(),
  resolution: z.string(),
  returnReason: z.string(),
  rating: z.number().int().nullable(),
  ratingComment: z.string(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  isRequester: z.boolean(),
  lightState: LightState,
  timeline: z.array(TimelineEntry),
  transfers: z.array(Transfer),
  handoffs: z.array(Handoff),
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;
export const ServiceRequestPage = pageOf(ServiceRequestSummary);
export type ServiceRequestPage = z.infer<typeof ServiceRequestPage>;

export const ServiceRequestListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  stage: ServiceRequestStage.optional(),
  kind: ServiceKind.optional(),
  /** `mine`: the caller's own (as helper, or as requester); `overdue`: past a due day, open. */
  view: z.enum(['all', 'mine', 'overdue', 'unassigned']).default('all'),
});
export type ServiceRequestListQuery = z.input<typeof ServiceRequestListQuery>;

const Phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请输入 11 位手机号或带区号的固话');

export const ServiceRequestInput = z.object({
  title: text(100),
  description: text(2000),
  kind: ServiceKind,
  subjectType: SubjectType.default('none'),
  subjectId: z.uuid().nullable().default(null),
  /** Staff raising it on someone's behalf name the requester; a signed-in requester is themself. */
  requesterName: optionalText(50),
  contactPhone: Phone.or(z.literal('')).default(''),
  isGreenChannel: z.boolean().default(false),
  /** The form's one-time key: a double submit creates one request. */
  idempotencyKey: z.uuid(),
});
export type ServiceRequestInput = z.input<typeof ServiceRequestInput>;

export const ServiceRequestMoveInput = StageTarget.extend({
  to: ServiceRequestStage,
  note: optionalText(500),
  resolution: z.string().trim().max(2000).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type ServiceRequestMoveInput = z.input<typeof ServiceRequestMoveInput>;

export const RateInput = z.object({
  rating: z.number().int().min(1, '评分为 1–5 分').max(5, '评分为 1–5 分'),
  comment: optionalText(500),
});
export const AssignInput = z.object({ helperId: z.uuid() });
export const TransferRequestInput = z.object({ toHelperId: z.uuid(), reason: text(500) });
export const TransferDecisionInput = z
  .object({ decision: z.enum(['approved', 'refused']), note: optionalText(500) })
  .refine((d) => d.decision !== 'refused' || d.note.length > 0, {
    path: ['note'],
    message: '不同意转办时请写明原因',
  });
export const HandoffInput = z.object({ department: text(40), sentOn: IsoDate, question: text(1000) });
export const HandoffAnswerInput = z.object({ answer: text(2000), answeredOn: IsoDate });
export const NoteInput = z.object({ text: text(1000) });
export const RequestIdParams = z.object({ id: z.uuid() });
export const HandoffParams = z.object({ id: z.uuid(), handoffId: z.uuid() });
export const TransferParams = z.object({ id: z.uuid(), transferId: z.uuid() });

export const HelperOption = z.object({ id: z.uuid(), name: z.string(), role: z.string() });
export const HelperOptions = z.array(HelperOption);

// ---- the service station (驿站): public, narrow ------------------------------------------

export const StationParams = z.object({
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
});
export const StationChallenge = z.object({
  regionName: z.string(),
  question: z.string(),
  token: z.string(),
});
export const StationInput = z.object({
  kind: StationKind,
  name: text(30),
  phone: Phone,
  description: text(1000),
  challengeToken: z.string().min(10).max(500),
  challengeAnswer: z.string().trim().max(10),
  idempotencyKey: z.uuid(),
});
export type StationInput = z.input<typeof StationInput>;
/** All the station answers: a reference number to quote on the phone, nothing of the request. */
export const StationReceipt = z.object({ reference: z.string() });
