import { z } from 'zod';
import { optionalText, text } from './common.contract.ts';
import { definePipeline, StageTarget } from './pipeline.ts';
import { AgendaProposal, LightState, SupervisedItemType } from './supervision.contract.ts';

/**
 * Round-table dialogue (圆桌对话): meetings chaired by a leader, agenda items from accepted
 * round-table proposals or added by the chair's office, and decisions (议定事项) with an owner, a
 * deadline and the proof that closes them, followed until the office accepts the proof.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** A decision: open → proof submitted → closed (the office accepts the proof); refused proof goes back. */
export const decisionPipeline = definePipeline({
  key: 'decision',
  stages: ['open', 'proof_submitted', 'closed', 'cancelled'],
  sideExits: ['cancelled'],
  labels: {
    open: { zh: '落实中', en: 'Open' },
    proof_submitted: { zh: '已报佐证', en: 'Proof submitted' },
    closed: { zh: '已办结', en: 'Closed' },
    cancelled: { zh: '已撤销', en: 'Cancelled' },
  },
  moves: {
    open: ['proof_submitted', 'cancelled'],
    proof_submitted: ['closed', 'open', 'cancelled'],
    closed: [],
    cancelled: [],
  },
  requires: {
    proof_submitted: [
      { field: 'proof', kind: 'text', label: { zh: '办结佐证', en: 'proof' }, maxLength: 2000 },
    ],
    cancelled: [{ field: 'reason', kind: 'text', label: { zh: '撤销原因', en: 'reason' }, maxLength: 500 }],
  },
  // Only the chair's office (staff, leads, leaders) accepts proof or sends it back.
  roles: {
    closed: ['staff', 'taskforce_lead', 'leader'],
    cancelled: ['staff', 'taskforce_lead', 'leader'],
  },
  groups: { open: 'active', proof_submitted: 'active', closed: 'done', cancelled: 'stopped' },
  dateOrder: [],
});
export const DECISION_STAGES = decisionPipeline.stages;
export const DecisionStage = decisionPipeline.Stage;
export type DecisionStage = (typeof DECISION_STAGES)[number];
export const DECISION_STAGE_LABELS = decisionPipeline.labels;

export const ATTENDEE_KINDS = ['department', 'enterprise', 'institute', 'person'] as const;
export const AttendeeKind = z.enum(ATTENDEE_KINDS);
export const ATTENDEE_KIND_LABELS: Record<(typeof ATTENDEE_KINDS)[number], { zh: string; en: string }> = {
  department: { zh: '部门', en: 'Department' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  institute: { zh: '院所', en: 'Institute' },
  person: { zh: '个人', en: 'Person' },
};
export const Attendee = z.object({ kind: AttendeeKind, name: text(60) });

export const MeetingInput = z.object({
  title: text(100),
  heldOn: IsoDate,
  startsAt: z
    .string()
    .regex(/^\d{2}:\d{2}$/, '时间格式应为 HH:MM')
    .default('09:00'),
  place: text(100),
  chairId: z.uuid(),
  attendees: z.array(Attendee).max(100).default([]),
});
export type MeetingInput = z.input<typeof MeetingInput>;

export const Decision = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  itemId: z.uuid(),
  itemTitle: z.string(),
  number: z.number().int(),
  content: z.string(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string(),
  ownerDepartment: z.string(),
  deadline: z.string(),
  proofRequired: z.string(),
  proof: z.string(),
  stage: DecisionStage,
  subStage: z.string().nullable(),
  closedAt: z.string().nullable(),
  isOverdue: z.boolean(),
  light: LightState.shape.light,
});
export type Decision = z.infer<typeof Decision>;

export const AgendaItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  sourceType: SupervisedItemType.nullable(),
  sourceId: z.uuid().nullable(),
  sourceLink: z.string().nullable(),
  proposalId: z.uuid().nullable(),
  decisions: z.array(Decision),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  place: z.string(),
  chairId: z.uuid(),
  chairName: z.string(),
  status: z.enum(['planned', 'held']),
  items: z.number().int(),
  openDecisions: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const Meeting = MeetingSummary.extend({
  attendees: z.array(Attendee),
  agenda: z.array(AgendaItem),
  /** Accepted proposals on no meeting's agenda yet: what the chair's office can add. */
  availableProposals: z.array(AgendaProposal),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingList = z.array(MeetingSummary);

export const AgendaItemInput = z.union([
  z.object({ proposalId: z.uuid() }),
  z.object({ title: text(200), description: optionalText(2000) }),
]);
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

export const DecisionInput = z
  .object({
    content: text(500),
    ownerUserId: z.uuid().nullable().default(null),
    ownerDepartment: optionalText(40),
    deadline: IsoDate,
    proofRequired: optionalText(200),
  })
  .refine((d) => d.ownerUserId !== null || d.ownerDepartment.length > 0, {
    path: ['ownerDepartment'],
    message: '请指定责任人或责任部门',
  });
export type DecisionInput = z.input<typeof DecisionInput>;

export const DecisionMoveInput = StageTarget.extend({
  to: DecisionStage,
  note: optionalText(500),
  proof: z.string().trim().max(2000).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type DecisionMoveInput = z.input<typeof DecisionMoveInput>;

export const DecisionListQuery = z.object({
  view: z.enum(['open', 'overdue', 'mine', 'all']).default('open'),
});
export const DecisionList = z.array(Decision);

/** What a source record (a red recruitment record, project, request) went through at round-tables. */
export const RoundtableHistoryQuery = z.object({ itemType: SupervisedItemType, itemId: z.uuid() });
export const RoundtableHistoryEntry = z.object({
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  heldOn: z.string(),
  itemTitle: z.string(),
  decisions: z.array(Decision),
});
export const RoundtableHistory = z.array(RoundtableHistoryEntry);
export type RoundtableHistoryEntry = z.infer<typeof RoundtableHistoryEntry>;

export const MeetingParams = z.object({ id: z.uuid() });
export const ItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
export const DecisionParams = z.object({ id: z.uuid() });
export const ChairOptions = z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() }));
