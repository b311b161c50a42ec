import { z } from 'zod';
import { SERVICE_REQUEST_STAGE_LABELS, SERVICE_REQUEST_STAGES } from './concierge.contract.ts';
import { incubateePipeline } from './incubation.contract.ts';
import { NEED_STAGE_LABELS, NEED_STAGES } from './matchmaking.contract.ts';
import { CustomStage } from './pipeline.ts';
import { PROJECT_STAGE_LABELS, PROJECT_STAGES } from './projects.contract.ts';
import { STAGE_LABELS, STAGES, type Stage } from './recruitment.contract.ts';
import { DECISION_STAGE_LABELS, DECISION_STAGES } from './roundtable.contract.ts';
import { defineRoute } from './route.ts';

/**
 * The pipelines whose stages an office names. Stage codes are fixed (they drive transitions,
 * required fields and figures); an office changes only the name shown and may add a description.
 */
export const STAGE_PIPELINES = [
  'recruitment',
  'need',
  'project',
  'service_request',
  'decision',
  'incubatee',
] as const;
export const StagePipeline = z.enum(STAGE_PIPELINES);
export type StagePipeline = z.infer<typeof StagePipeline>;
export const STAGE_PIPELINE_LABELS: Record<StagePipeline, { zh: string; en: string }> = {
  recruitment: { zh: '大院大所招引', en: 'Institute recruitment' },
  need: { zh: '技术需求', en: 'Technology needs' },
  project: { zh: '合作项目', en: 'Cooperation projects' },
  service_request: { zh: '帮办诉求', en: 'Service requests' },
  decision: { zh: '圆桌议定事项', en: 'Round-table decisions' },
  incubatee: { zh: '在孵主体', en: 'Incubatees' },
};

const RECRUITMENT_STAGE_EN: Record<Stage, string> = {
  lead: 'Lead',
  contacted: 'Contacted',
  negotiating: 'Negotiating',
  signed: 'Signed',
  landed: 'Landed',
  operating: 'Operating',
  shelved: 'Shelved',
  dropped: 'Dropped',
};
/** Recruitment stages' built-in names in both languages. */
export const RECRUITMENT_STAGE_NAMES: Record<Stage, { zh: string; en: string }> = Object.fromEntries(
  STAGES.map((s) => [s, { zh: STAGE_LABELS[s], en: RECRUITMENT_STAGE_EN[s] }]),
) as Record<Stage, { zh: string; en: string }>;

/** Each pipeline's stage codes, in the order they are shown. */
export const PIPELINE_STAGES: Record<StagePipeline, readonly string[]> = {
  recruitment: STAGES,
  need: NEED_STAGES,
  project: PROJECT_STAGES,
  service_request: SERVICE_REQUEST_STAGES,
  decision: DECISION_STAGES,
  incubatee: incubateePipeline.stages,
};

/** The built-in names: what a stage is called where no office (nor any above it) named it. */
export const DEFAULT_STAGE_NAMES: Record<StagePipeline, Record<string, { zh: string; en: string }>> = {
  recruitment: RECRUITMENT_STAGE_NAMES,
  need: NEED_STAGE_LABELS,
  project: PROJECT_STAGE_LABELS,
  service_request: SERVICE_REQUEST_STAGE_LABELS,
  decision: DECISION_STAGE_LABELS,
  incubatee: incubateePipeline.labels,
};

export const STAGE_LABEL_MAX = 12;
export const STAGE_DESCRIPTION_MAX = 100;
// A name is one line: no control character at all (tabs and newlines included).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a description may break lines, nothing else
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;
const noControl = { message: '不能包含控制字符' };

export const StageLabelText = z
  .string()
  .trim()
  .min(1)
  .max(STAGE_LABEL_MAX)
  .refine((s) => !ANY_CONTROL.test(s), noControl);
export const StageDescriptionText = z
  .string()
  .trim()
  .max(STAGE_DESCRIPTION_MAX)
  .refine((s) => !CONTROL_BUT_NEWLINE.test(s), noControl);

/** Where a stage's name comes from: the built-in default, this region, or a region above it. */
export const StageLabelSource = z.enum(['default', 'own', 'inherited']);
export type StageLabelSource = z.infer<typeof StageLabelSource>;

export const StageLabel = z.object({
  stage: z.string(),
  defaultName: z.object({ zh: z.string(), en: z.string() }),
  /** The name shown in this region (Chinese; the English UI keeps the built-in English name). */
  name: z.string(),
  description: z.string(),
  source: StageLabelSource,
  /** The region whose name is shown; null for the built-in default. */
  sourceRegionCode: z.string().nullable(),
  sourceRegionName: z.string().nullable(),
  /** What the stage would be called without this region's own name (a region above, else default). */
  inherited: z.object({
    name: z.string(),
    description: z.string(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
  }),
  /** This region's own entries (null: not set, inherited). */
  own: z.object({ label: z.string().nullable(), description: z.string().nullable() }),
});
export type StageLabel = z.infer<typeof StageLabel>;

/** The effective stage names of the user's active region, per pipeline. */
export const StageLabels = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  pipelines: z.array(z.object({ pipeline: StagePipeline, stages: z.array(StageLabel) })),
});
export type StageLabels = z.infer<typeof StageLabels>;

/**
 * Sets or clears this region's names of some stages of one pipeline; stages not listed keep
 * theirs. `label: null` clears the name (the inherited one shows again), likewise `description`.
 */
export const StageLabelsInput = z
  .object({
    pipeline: StagePipeline,
    stages: z
      .array(
        z.object({
          stage: z.string().max(32),
          label: StageLabelText.nullable(),
          description: StageDescriptionText.nullable(),
        }),
      )
      .max(20),
  })
  .superRefine((input, ctx) => {
    const known = PIPELINE_STAGES[input.pipeline];
    const seen = new Set<string>();
    input.stages.forEach((s, i) => {
      if (!known.includes(s.stage))
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'stage'], message: '该流程没有这个阶段' });
      else if (seen.has(s.stage))
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'stage'], message: '同一阶段只能出现一次' });
      seen.add(s.stage);
    });
  });
export type StageLabelsInput = z.infer<typeof StageLabelsInput>;

// ---- routes ----------------------------------------------------------------------------------

export const GetStageLabelsRoute = defineRoute({
  method: 'GET',
  path: '/api/settings/stage-labels',
  summary: '本区域各流程的阶段名称（本区域、上级区域或默认）',
  tags: ['settings'],
  access: { resource: 'stage_label', action: 'read' },
  response: StageLabels,
});
export const SaveStageLabelsRoute = defineRoute({
  method: 'PUT',
  path: '/api/settings/stage-labels',
  summary: '设置或清除本区域某一流程的阶段名称',
  tags: ['settings'],
  access: { resource: 'stage_label', action: 'update' },
  body: StageLabelsInput,
  response: StageLabels,
});

// ---- custom stages (自定义阶段) ------------------------------------------------------------------

/** The custom stages a region uses (its own and those of the regions above it), per pipeline. */
export const CustomStages = z.object({
  regionCode: z.string(),
  stages: z.array(
    CustomStage.extend({
      pipeline: StagePipeline,
      /** Declared by this region (it may retire it), not inherited from above. */
      isOwn: z.boolean(),
    }),
  ),
});
export type CustomStages = z.infer<typeof CustomStages>;

/** Adds a stage inside a built-in one: it comes after the custom stages that stage already has. */
export const CustomStageInput = z
  .object({
    pipeline: StagePipeline,
    /** The built-in stage it refines: a record in it counts as this stage. */
    refines: z.string().max(32),
    label: StageLabelText,
    description: StageDescriptionText.default(''),
  })
  .superRefine((input, ctx) => {
    if (!PIPELINE_STAGES[input.pipeline].includes(input.refines))
      ctx.addIssue({ code: 'custom', path: ['refines'], message: '该流程没有这个阶段' });
  });
export type CustomStageInput = z.input<typeof CustomStageInput>;

export const CustomStageParams = z.object({
  pipeline: StagePipeline,
  code: z.string().regex(/^c_[a-z0-9_]{1,30}$/, '阶段代码不正确'),
});

export const ListCustomStagesRoute = defineRoute({
  method: 'GET',
  path: '/api/settings/custom-stages',
  summary: '本区域使用的自定义阶段（本区域及上级区域设置的）',
  tags: ['settings'],
  access: { resource: 'stage_label', action: 'read' },
  response: CustomStages,
});
export const AddCustomStageRoute = defineRoute({
  method: 'POST',
  path: '/api/settings/custom-stages',
  summary: '在某一内置阶段内增加一个自定义阶段（计入该内置阶段）',
  tags: ['settings'],
  access: { resource: 'stage_label', action: 'update' },
  body: CustomStageInput,
  response: CustomStages,
});
export const RetireCustomStageRoute = defineRoute({
  method: 'DELETE',
  path: '/api/settings/custom-stages/:pipeline/:code',
  summary: '停用本区域的一个自定义阶段（已在其中的记录保留，可照常移出）',
  tags: ['settings'],
  access: { resource: 'stage_label', action: 'update' },
  params: CustomStageParams,
  response: CustomStages,
});
