import { z } from 'zod';
import { optionalText, pageOf, patchText, RegionCode, text } from './common.contract.ts';
import { definePipeline, StageTarget } from './pipeline.ts';
import { LightState } from './supervision.contract.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Fen = z.number().int().min(0).max(1_000_000_000_000);

/**
 * The cooperation-project pipeline: forward one step; 终止 (with a reason) from any open stage;
 * none back. Landed on or after signed.
 */
export const projectPipeline = definePipeline({
  key: 'project',
  stages: ['intention', 'signed', 'in_progress', 'accepted', 'landed', 'stopped'],
  sideExits: ['stopped'],
  labels: {
    intention: { zh: '意向', en: 'Intention' },
    signed: { zh: '签约', en: 'Signed' },
    in_progress: { zh: '实施', en: 'In progress' },
    accepted: { zh: '验收', en: 'Accepted' },
    landed: { zh: '转化落地', en: 'Landed' },
    stopped: { zh: '终止', en: 'Stopped' },
  },
  moves: {
    intention: ['signed', 'stopped'],
    signed: ['in_progress', 'stopped'],
    in_progress: ['accepted', 'stopped'],
    accepted: ['landed', 'stopped'],
    landed: [],
    stopped: [],
  },
  requires: {
    signed: [
      { field: 'signedOn', kind: 'date', label: { zh: '签约日期', en: 'signing date' }, isNotFuture: true },
      { field: 'contractNo', kind: 'text', label: { zh: '合同编号', en: 'contract number' }, maxLength: 60 },
    ],
    landed: [
      { field: 'landedOn', kind: 'date', label: { zh: '落地日期', en: 'landing date' }, isNotFuture: true },
      // Optional: asked by the project's own field in the move dialog, kept as given.
      { field: 'landedPlace', kind: 'custom', label: { zh: '落地地点', en: 'landing place' } },
    ],
    stopped: [{ field: 'reason', kind: 'text', label: { zh: '终止原因', en: 'reason' }, maxLength: 500 }],
  },
  groups: {
    intention: 'active',
    signed: 'active',
    in_progress: 'active',
    accepted: 'active',
    landed: 'done',
    stopped: 'stopped',
  },
  dateOrder: [['signedOn', 'landedOn']],
});

export const PROJECT_STAGES = projectPipeline.stages;
export const ProjectStage = projectPipeline.Stage;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS = projectPipeline.labels;
/** Stages that count as "signed" (签约 or beyond, not stopped before signing). */
export const SIGNED_PROJECT_STAGES: readonly ProjectStage[] = ['signed', 'in_progress', 'accepted', 'landed'];

export const PROJECT_KINDS = [
  'development',
  'transfer',
  'license',
  'consulting',
  'service',
  'joint_lab',
  'platform',
  'talent',
] as const;
export const ProjectKind = z.enum(PROJECT_KINDS);
export type ProjectKind = z.infer<typeof ProjectKind>;
export const PROJECT_KIND_LABELS: Record<ProjectKind, { zh: string; en: string }> = {
  development: { zh: '技术开发', en: 'Technology development' },
  transfer: { zh: '技术转让', en: 'Technology transfer' },
  license: { zh: '技术许可', en: 'Licensing' },
  consulting: { zh: '技术咨询', en: 'Consulting' },
  service: { zh: '技术服务', en: 'Technical service' },
  joint_lab: { zh: '共建联合实验室', en: 'Joint lab' },
  platform: { zh: '共建创新平台', en: 'Platform co-building' },
  talent: { zh: '人才合作', en: 'Talent cooperation' },
};

export const OUTPUT_KINDS = ['patent', 'product', 'revenue', 'standard', 'other'] as const;
export const OutputKind = z.enum(OUTPUT_KINDS);
export type OutputKind = z.infer<typeof OutputKind>;
export const OUTPUT_KIND_LABELS: Record<OutputKind, { zh: string; en: string }> = {
  patent: { zh: '专利', en: 'Patent' },
  product: { zh: '新产品', en: 'Product' },
  revenue: { zh: '新增产值', en: 'Revenue' },
  standard: { zh: '标准', en: 'Standard' },
  other: { zh: '其他', en: 'Other' },
};

export const ProjectInput = z
  .object({
    title: text(200),
    kind: ProjectKind,
    description: optionalText(5000),
    enterpriseIds: z.array(z.uuid()).max(20).default([]),
    instituteIds: z.array(z.uuid()).max(20).default([]),
    contractNo: optionalText(60),
    amountFen: Fen.default(0),
    /** R&D site; defaults to the commercialisation site. */
    rdRegionCode: RegionCode.nullable().default(null),
    sourceEventId: z.uuid().nullable().default(null),
    sourcePairingId: z.uuid().nullable().default(null),
    needId: z.uuid().nullable().default(null),
    helperId: z.uuid().nullable().default(null),
    isGreenChannel: z.boolean().default(false),
  })
  .refine((p) => p.enterpriseIds.length + p.instituteIds.length > 0 || p.sourcePairingId !== null, {
    path: ['enterpriseIds'],
    message: '至少需要一个合作方（企业或院所）',
  });
export type ProjectInput = z.input<typeof ProjectInput>;

export const ProjectUpdateInput = z.object({
  title: text(200).optional(),
  kind: ProjectKind.optional(),
  description: patchText(5000),
  contractNo: patchText(60),
  amountFen: Fen.optional(),
  rdRegionCode: RegionCode.optional(),
  isGreenChannel: z.boolean().optional(),
  landedPlace: patchText(200),
});
export type ProjectUpdateInput = z.input<typeof ProjectUpdateInput>;

/** A move: the target stage, maybe the office's custom stage inside it, and what the target requires. */
export const ProjectStageInput = StageTarget.extend({
  to: ProjectStage,
  signedOn: IsoDate.optional(),
  contractNo: optionalText(60).optional(),
  landedOn: IsoDate.optional(),
  landedPlace: optionalText(200).optional(),
  reason: optionalText(500).optional(),
  /** Joins the timeline entry the move writes. */
  note: optionalText(2000).optional(),
});
export type ProjectStageInput = z.input<typeof ProjectStageInput>;

export const HelperAssignInput = z.object({ helperId: z.uuid(), reason: optionalText(500) });
export type HelperAssignInput = z.input<typeof HelperAssignInput>;

export const ProjectMilestoneInput = z.object({
  title: text(200),
  dueOn: IsoDate,
  doneOn: IsoDate.nullable().default(null),
});
export type ProjectMilestoneInput = z.input<typeof ProjectMilestoneInput>;

export const ProjectOutputInput = z.object({
  kind: OutputKind,
  title: text(200),
  amountFen: Fen.nullable().default(null),
  recordedOn: IsoDate,
});
export type ProjectOutputInput = z.input<typeof ProjectOutputInput>;

export const ProjectEntryInput = z.object({
  content: text(2000),
  on: IsoDate,
  nextDate: IsoDate.nullable().default(null),
});
export type ProjectEntryInput = z.input<typeof ProjectEntryInput>;

/** A stage a project may move to: built-in (`subStage` null) or an office's custom stage inside it. */
export const ProjectMoveTarget = z.object({
  stage: ProjectStage,
  subStage: z.string().nullable(),
  /** The office's name of the target (阶段名称 or the custom stage's name). */
  name: z.string(),
});
export type ProjectMoveTarget = z.infer<typeof ProjectMoveTarget>;

export const ProjectParty = z.object({
  partyKind: z.enum(['enterprise', 'institute']),
  id: z.uuid(),
  name: z.string(),
});
export const HelperAssignment = z.object({
  id: z.uuid(),
  helperId: z.uuid(),
  helperName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  assignedByName: z.string(),
  reason: z.string(),
});
export type HelperAssignment = z.infer<typeof HelperAssignment>;
export const ProjectMilestone = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
});
export const ProjectOutput = z.object({
  id: z.uuid(),
  kind: OutputKind,
  title: z.string(),
  amountFen: z.number().int().nullable(),
  recordedOn: z.string(),
});
export const ProjectEntry = z.object({
  id: z.uuid(),
  kind: z.enum(['progress', 'stage', 'handover']),
  on: z.string(),
  content: z.string(),
  stageFrom: z.string().nullable(),
  stageTo: z.string().nullable(),
  nextDate: z.string().nullable(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const ProjectSummary = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  rdRegionCode: z.string(),
  rdRegionName: z.string(),
  /** The R&D site is another region than the commercialisation site. */
  isEnclave: z.boolean(),
  title: z.string(),
  kind: ProjectKind,
  stage: ProjectStage,
  /** The office's custom stage inside `stage` (自定义阶段), or null. */
  subStage: z.string().nullable(),
  contractNo: z.string(),
  amountFen: z.number().int(),
  signedOn: z.string().nullable(),
  landedOn: z.string().nullable(),
  parties: z.array(ProjectParty),
  helperId: z.uuid().nullable(),
  helperName: z.string().nullable(),
  light: LightState.nullable(),
  sourceEventId: z.uuid().nullable(),
  sourceEventTitle: z.string().nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;
export const ProjectPage = pageOf(ProjectSummary);
export type ProjectPage = z.infer<typeof ProjectPage>;

export const Project = ProjectSummary.extend({
  description: z.string(),
  landedPlace: z.string(),
  stoppedReason: z.string(),
  isGreenChannel: z.boolean(),
  needId: z.uuid().nullable(),
  needTitle: z.string().nullable(),
  sourcePairingId: z.uuid().nullable(),
  /** The custom stage's name in the project's office, when it sits in one. */
  subStageName: z.string().nullable(),
  /** Where the signed-in user may move the project (built-in and custom stages), named by its office. */
  allowedMoves: z.array(ProjectMoveTarget),
  helpers: z.array(HelperAssignment),
  milestones: z.array(ProjectMilestone),
  outputs: z.array(ProjectOutput),
  entries: z.array(ProjectEntry),
  /** The signed-in user may edit (bureau staff, or the current helper). */
  canEdit: z.boolean(),
});
export type Project = z.infer<typeof Project>;

export const ProjectListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  stage: ProjectStage.optional(),
  kind: ProjectKind.optional(),
  helperId: z.uuid().optional(),
  eventId: z.uuid().optional(),
  /** `mine`: only projects whose current helper is the signed-in user (the caseload). */
  mine: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProjectListQuery = z.input<typeof ProjectListQuery>;

/** Counts for a year, each project counted once, in its commercialisation region. */
export const ProjectCounts = z.object({
  year: z.number().int(),
  /** Signed in the year (签约 date in the year; any later stage counts). */
  signed: z.number().int(),
  /** Reached 转化落地 in the year. */
  landed: z.number().int(),
  amountFen: z.number().int(),
  byRegion: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      signed: z.number().int(),
      landed: z.number().int(),
    }),
  ),
});
export type ProjectCounts = z.infer<typeof ProjectCounts>;
export const ProjectCountsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const ProjectHelper = z.object({ id: z.uuid(), name: z.string() });
export type ProjectHelper = z.infer<typeof ProjectHelper>;
export const ProjectMilestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });
