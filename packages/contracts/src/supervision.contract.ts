import { z } from 'zod';
import { IdParams, optionalText } from './common.contract.ts';
import { defineRoute } from './route.ts';

/** A supervision light. `none`: the item is not supervised (closed, shelved, dropped). */
export const LIGHTS = ['green', 'yellow', 'red', 'none'] as const;
export const Light = z.enum(LIGHTS);
export type Light = z.infer<typeof Light>;
export const LIGHT_LABELS: Record<Light, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  none: '不督办',
};

/** Why a light is not green; `days` is the measured quantity the rule compared. */
export const LightReasonCode = z.enum(['no_activity', 'milestone_overdue', 'next_date_passed']);
export type LightReasonCode = z.infer<typeof LightReasonCode>;
export const LightReason = z.object({
  code: LightReasonCode,
  light: z.enum(['yellow', 'red']),
  days: z.number().int(),
  message: z.string(),
});
export type LightReason = z.infer<typeof LightReason>;

/** The kinds of supervised items; each module that registers a provider adds its kind here. */
export const SupervisedItemType = z.enum(['recruitment', 'project', 'service_request', 'decision']);
export type SupervisedItemType = z.infer<typeof SupervisedItemType>;

/** Rules one region configures (defaults apply until it does). Thresholds in whole days. */
export const SupervisionRulesInput = z
  .object({
    noActivityYellowDays: z.number().int().min(1).max(365),
    noActivityRedDays: z.number().int().min(1).max(730),
    /** A milestone not done on its due date turns the item yellow; this many days past due, red. */
    milestoneRedDaysOverdue: z.number().int().min(1).max(365),
    /** Whether a passed "next date" of the latest ledger entry turns the item yellow. */
    isNextDatePassedYellow: z.boolean(),
    /** Green-channel items use thresholds multiplied by this percentage (50 = halved). */
    greenChannelPercent: z.number().int().min(10).max(100),
    /** Red for this many days escalates to the region's leaders and proposes a round-table item. */
    leaderEscalationRedDays: z.number().int().min(1).max(365),
  })
  .refine((r) => r.noActivityRedDays > r.noActivityYellowDays, {
    path: ['noActivityRedDays'],
    message: '红灯天数应大于黄灯天数',
  });
export type SupervisionRulesInput = z.infer<typeof SupervisionRulesInput>;

export const DEFAULT_SUPERVISION_RULES: SupervisionRulesInput = {
  noActivityYellowDays: 30,
  noActivityRedDays: 60,
  milestoneRedDaysOverdue: 15,
  isNextDatePassedYellow: true,
  greenChannelPercent: 50,
  leaderEscalationRedDays: 14,
};

export const SupervisionRules = z.object({
  regionCode: z.string(),
  rules: SupervisionRulesInput,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SupervisionRules = z.infer<typeof SupervisionRules>;

/** The light an item shows, with why and since when. */
export const LightState = z.object({
  light: Light,
  reasons: z.array(LightReason),
  /** When the item got its current light. */
  since: z.string().nullable(),
});
export type LightState = z.infer<typeof LightState>;

export const LightHistoryEntry = z.object({
  at: z.string(),
  light: Light,
  reasons: z.array(LightReason),
});
export type LightHistoryEntry = z.infer<typeof LightHistoryEntry>;

export const EscalationLevel = z.enum(['owner', 'lead', 'leader']);
export type EscalationLevel = z.infer<typeof EscalationLevel>;
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = {
  owner: '提醒责任人',
  lead: '通知专班负责人',
  leader: '报告分管领导',
};

/** Where a round-table proposal stands: proposed, put on the agenda by a leader, or not now. */
export const AGENDA_PROPOSAL_STATUSES = ['proposed', 'accepted', 'dismissed'] as const;
export const AgendaProposalStatus = z.enum(AGENDA_PROPOSAL_STATUSES);
export type AgendaProposalStatus = z.infer<typeof AgendaProposalStatus>;
export const AGENDA_PROPOSAL_STATUS_LABELS: Record<AgendaProposalStatus, string> = {
  proposed: '已提请圆桌',
  accepted: '已列入圆桌议程',
  dismissed: '暂不列入',
};

/**
 * A red item proposed for a round-table agenda (提请圆桌对话事项): by the lights job when an item
 * stays red past the region's limit, or from the item's page. A leader decides it once.
 */
export const AgendaProposal = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  itemType: SupervisedItemType,
  itemId: z.uuid(),
  title: z.string(),
  reason: z.string(),
  proposedAt: z.string(),
  /** Null when the lights job proposed it. */
  proposedBy: z.uuid().nullable(),
  proposedByName: z.string().nullable(),
  status: AgendaProposalStatus,
  decidedBy: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  /** The item's light now (`none` when it is no longer supervised). */
  light: Light,
  /** The item's page in the web UI. */
  link: z.string(),
});
export type AgendaProposal = z.infer<typeof AgendaProposal>;

export const AgendaProposalListQuery = z.object({
  status: AgendaProposalStatus.optional(),
  itemType: SupervisedItemType.optional(),
  itemId: z.uuid().optional(),
});
export type AgendaProposalListQuery = z.infer<typeof AgendaProposalListQuery>;

/**
 * Put a red item on a round-table agenda from its page. A leader's request is the decision itself
 * (accepted at once); anyone else's waits for a leader (proposed).
 */
export const AgendaProposalInput = z.object({
  itemType: SupervisedItemType,
  itemId: z.uuid(),
  /** Why it needs a round-table; the light's reasons are used when empty. */
  note: optionalText(500),
});
export type AgendaProposalInput = z.infer<typeof AgendaProposalInput>;

/** A leader's decision on a proposal; "not now" needs a note saying why. */
export const AgendaDecisionInput = z
  .object({
    decision: z.enum(['accepted', 'dismissed']),
    note: optionalText(500),
  })
  .refine((d) => d.decision !== 'dismissed' || d.note.length > 0, {
    path: ['note'],
    message: '暂不列入时请写明原因',
  });
export type AgendaDecisionInput = z.infer<typeof AgendaDecisionInput>;

export const LightsRunResult = z.object({
  regions: z.number().int(),
  items: z.number().int(),
  changed: z.number().int(),
  escalations: z.number().int(),
  /** Regions skipped because another process already ran this period. */
  skipped: z.number().int(),
});
export type LightsRunResult = z.infer<typeof LightsRunResult>;

// ---- routes ----------------------------------------------------------------------------------

export const GetSupervisionRulesRoute = defineRoute({
  method: 'GET',
  path: '/api/supervision/rules',
  summary: '本区域督办亮灯规则',
  tags: ['supervision'],
  access: { resource: 'supervision_rule', action: 'read' },
  response: SupervisionRules,
});
export const SaveSupervisionRulesRoute = defineRoute({
  method: 'PUT',
  path: '/api/supervision/rules',
  summary: '设置本区域督办亮灯规则',
  tags: ['supervision'],
  access: { resource: 'supervision_rule', action: 'update' },
  body: SupervisionRulesInput,
  response: SupervisionRules,
});
export const RefreshLightsRoute = defineRoute({
  method: 'POST',
  path: '/api/supervision/refresh',
  summary: '立即重新计算本区域亮灯（不发送督办提醒）',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'update' },
  response: LightsRunResult,
});
export const ListAgendaProposalsRoute = defineRoute({
  method: 'GET',
  path: '/api/supervision/proposals',
  summary: '提请圆桌对话的红灯事项（最新在前）',
  tags: ['supervision'],
  access: { resource: 'roundtable_proposal', action: 'read' },
  query: AgendaProposalListQuery,
  response: z.array(AgendaProposal),
});
export const ProposeAgendaItemRoute = defineRoute({
  method: 'POST',
  path: '/api/supervision/proposals',
  summary: '将红灯事项提请圆桌对话（领导提请即列入议程）',
  tags: ['supervision'],
  access: { resource: 'roundtable_proposal', action: 'create' },
  body: AgendaProposalInput,
  response: AgendaProposal,
});
export const DecideAgendaProposalRoute = defineRoute({
  method: 'POST',
  path: '/api/supervision/proposals/:id/decision',
  summary: '领导决定：列入圆桌议程或暂不列入（须写明原因）',
  tags: ['supervision'],
  access: { resource: 'roundtable_proposal', action: 'update' },
  params: IdParams,
  body: AgendaDecisionInput,
  response: AgendaProposal,
});
