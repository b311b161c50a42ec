import { z } from 'zod';
import { optionalText, pageOf, text } from './common.contract.ts';
import { PlatformInput } from './innovation.contract.ts';
import { definePipeline, StageTarget } from './pipeline.ts';
import { Light, LightHistoryEntry, LightState } from './supervision.contract.ts';

// ---- stages and the one table of allowed moves -----------------------------------------------

/**
 * The recruitment pipeline, declared once: stages, moves, what each move requires, how each stage
 * counts. Forward one step; back one step while still talking; side exits before operation; a
 * shelved record resumes, a dropped one reopens as a lead. Once signed, the only way out is 终止.
 */
export const recruitmentPipeline = definePipeline({
  key: 'recruitment',
  stages: ['lead', 'contacted', 'negotiating', 'signed', 'landed', 'operating', 'shelved', 'dropped'],
  sideExits: ['shelved', 'dropped'],
  labels: {
    lead: { zh: '线索', en: 'Lead' },
    contacted: { zh: '接洽', en: 'Contacted' },
    negotiating: { zh: '洽谈', en: 'Negotiating' },
    signed: { zh: '签约', en: 'Signed' },
    landed: { zh: '落地', en: 'Landed' },
    operating: { zh: '运营', en: 'Operating' },
    shelved: { zh: '搁置', en: 'Shelved' },
    dropped: { zh: '终止', en: 'Dropped' },
  },
  moves: {
    lead: ['contacted', 'shelved', 'dropped'],
    contacted: ['negotiating', 'lead', 'shelved', 'dropped'],
    negotiating: ['signed', 'contacted', 'shelved', 'dropped'],
    signed: ['landed', 'dropped'],
    landed: ['operating', 'dropped'],
    operating: [],
    shelved: ['lead', 'contacted', 'negotiating', 'dropped'],
    dropped: ['lead'],
  },
  requires: {
    signed: [
      { field: 'signedOn', kind: 'date', label: { zh: '签约日期', en: 'signing date' }, isNotFuture: true },
      { field: 'agreementFileId', kind: 'file', label: { zh: '协议附件', en: 'agreement file' } },
    ],
    operating: [{ field: 'platform', kind: 'custom', label: { zh: '运营平台', en: 'operating platform' } }],
    shelved: [{ field: 'reason', kind: 'text', label: { zh: '原因', en: 'reason' }, maxLength: 500 }],
    dropped: [{ field: 'reason', kind: 'text', label: { zh: '原因', en: 'reason' }, maxLength: 500 }],
  },
  groups: {
    lead: 'active',
    contacted: 'active',
    negotiating: 'active',
    signed: 'active',
    landed: 'active',
    operating: 'done',
    shelved: 'stopped',
    dropped: 'stopped',
  },
  dateOrder: [],
});

export const STAGES = recruitmentPipeline.stages;
export const Stage = recruitmentPipeline.Stage;
export type Stage = (typeof STAGES)[number];
/** The main line, in order (the board's columns before the side exits). */
export const MAIN_STAGES: readonly Stage[] = recruitmentPipeline.mainLine;
export const STAGE_LABELS: Record<Stage, string> = Object.fromEntries(
  STAGES.map((s) => [s, recruitmentPipeline.labels[s].zh]),
) as Record<Stage, string>;
/** Stages that count as "recruited": 签约 and the main line after it. */
export const RECRUITED_STAGES: readonly Stage[] = MAIN_STAGES.slice(MAIN_STAGES.indexOf('signed'));

export const GRADES = ['A', 'B', 'C'] as const;
export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;
export const GRADE_LABELS: Record<Grade, string> = { A: 'A 重点推进', B: 'B 正常推进', C: 'C 储备跟踪' };

export const ENTRY_KINDS = ['visit', 'reception', 'meeting', 'call', 'signing', 'other'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  visit: '走访',
  reception: '接待',
  meeting: '会谈',
  call: '电话',
  signing: '签约',
  other: '其他',
};

/** Entries may be edited for this many days after they were written; later only corrected. */
export const LEDGER_EDIT_DAYS = 7;

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, '日期不存在');

// ---- plan ------------------------------------------------------------------------------------

export const RecruitmentPlanInput = z.object({
  title: text(100),
  targetRecruited: z.number().int().min(0).max(10_000),
  targetOperating: z.number().int().min(0).max(10_000),
  targetInstituteIds: z.array(z.uuid()).max(500).default([]),
  ownerId: z.uuid().nullable().default(null),
  notes: optionalText(2000),
});
export type RecruitmentPlanInput = z.input<typeof RecruitmentPlanInput>;

export const RecruitmentPlan = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  year: z.number().int(),
  title: z.string(),
  targetRecruited: z.number().int(),
  targetOperating: z.number().int(),
  targetInstituteIds: z.array(z.uuid()),
  ownerId: z.uuid().nullable(),
  notes: z.string(),
  /** Computed from the records: reached 签约 or beyond this year / operating with a platform. */
  recruited: z.number().int(),
  operating: z.number().int(),
});
export type RecruitmentPlan = z.infer<typeof RecruitmentPlan>;
export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

// ---- record ----------------------------------------------------------------------------------

export const RecruitmentInput = z
  .object({
    instituteId: z.uuid(),
    grade: Grade,
    cooperationMode: optionalText(100),
    industryId: z.uuid().nullable().default(null),
    ownerId: z.uuid(),
    /** 一院所一专班: the task force of this record. The lead is also a member. */
    taskForceLeadId: z.uuid(),
    taskForceMemberIds: z.array(z.uuid()).max(30).default([]),
    isGreenChannel: z.boolean().default(false),
    notes: optionalText(2000),
  })
  .strict();
export type RecruitmentInput = z.input<typeof RecruitmentInput>;

/** Changes the grade or the owner alone (the board's drag), without resending the whole record. */
export const RecruitmentPatch = z
  .object({ grade: Grade.optional(), ownerId: z.uuid().optional() })
  .strict()
  .refine((p) => p.grade !== undefined || p.ownerId !== undefined, {
    path: ['grade'],
    message: '请至少修改一项',
  });
export type RecruitmentPatch = z.input<typeof RecruitmentPatch>;

export const Person = z.object({ id: z.uuid(), name: z.string() });
export type Person = z.infer<typeof Person>;

/** A record as lists and boards show it. */
export const RecruitmentSummary = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  instituteId: z.uuid(),
  instituteName: z.string(),
  grade: Grade,
  stage: Stage,
  /** The office's custom stage inside `stage` (its code), or null for the built-in stage itself. */
  subStage: z.string().nullable(),
  industryId: z.uuid().nullable(),
  industryName: z.string().nullable(),
  owner: Person.nullable(),
  isGreenChannel: z.boolean(),
  lastEntryOn: z.string().nullable(),
  nextStep: z.string(),
  nextDate: z.string().nullable(),
  overdueMilestones: z.number().int(),
  light: LightState,
  updatedAt: z.string(),
});
export type RecruitmentSummary = z.infer<typeof RecruitmentSummary>;

export const Milestone = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  proofFileId: z.uuid().nullable(),
  proofNote: z.string(),
});
export type Milestone = z.infer<typeof Milestone>;

export const MilestoneInput = z.object({
  title: text(200),
  dueOn: IsoDate,
  doneOn: IsoDate.nullable().default(null),
  proofFileId: z.uuid().nullable().default(null),
  proofNote: optionalText(500),
});
export type MilestoneInput = z.input<typeof MilestoneInput>;

export const Attachment = z.object({
  id: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
});
export type Attachment = z.infer<typeof Attachment>;

export const LedgerEntry = z.object({
  id: z.uuid(),
  recordId: z.uuid(),
  entryOn: z.string(),
  kind: EntryKind,
  participants: z.string(),
  content: z.string(),
  result: z.string(),
  nextStep: z.string(),
  nextDate: z.string().nullable(),
  attachments: z.array(Attachment),
  /** Set on a correction: the entry it corrects. */
  correctsId: z.uuid().nullable(),
  stageFrom: Stage.nullable(),
  stageTo: Stage.nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  /** False once the entry is older than LEDGER_EDIT_DAYS: only a correction can amend it. */
  isEditable: z.boolean(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerEntryInput = z.object({
  entryOn: IsoDate,
  kind: EntryKind,
  participants: optionalText(500),
  content: text(4000),
  result: optionalText(2000),
  nextStep: optionalText(1000),
  nextDate: IsoDate.nullable().default(null),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
  correctsId: z.uuid().nullable().default(null),
});
export type LedgerEntryInput = z.input<typeof LedgerEntryInput>;

export const Recruitment = RecruitmentSummary.extend({
  cooperationMode: z.string(),
  notes: z.string(),
  taskForceLead: Person.nullable(),
  taskForceMembers: z.array(Person),
  signedOn: z.string().nullable(),
  agreement: Attachment.nullable(),
  platformId: z.uuid().nullable(),
  platformName: z.string().nullable(),
  exitReason: z.string(),
  milestones: z.array(Milestone),
  entries: z.array(LedgerEntry),
  lightHistory: z.array(LightHistoryEntry),
  allowedStages: z.array(Stage),
  createdAt: z.string(),
});
export type Recruitment = z.infer<typeof Recruitment>;

/** A move: the target stage, maybe a custom stage inside it (`subStage`), and what the target requires. */
export const StageMoveInput = StageTarget.extend({
  to: Stage,
  /** Shown in the ledger entry the move writes. */
  note: optionalText(2000),
  entryOn: IsoDate.optional(),
  signedOn: IsoDate.optional(),
  agreementFileId: z.uuid().optional(),
  platformId: z.uuid().optional(),
  platform: PlatformInput.optional(),
  reason: z.string().trim().max(500).optional(),
});
export type StageMoveInput = z.input<typeof StageMoveInput>;

const sortOrder = z.enum(['asc', 'desc']).default('desc');
const boolFlag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const RecruitmentListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  stage: Stage.optional(),
  grade: Grade.optional(),
  light: Light.optional(),
  industryId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  /** Only records with an overdue milestone or a passed next date. */
  isOverdue: boolFlag,
  isGreenChannel: boolFlag,
  sort: z
    .enum(['updatedAt', 'lastEntryOn', 'nextDate', 'light', 'grade', 'institute', 'stage'])
    .default('updatedAt'),
  order: sortOrder,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type RecruitmentListQuery = z.input<typeof RecruitmentListQuery>;
export const RecruitmentPage = pageOf(RecruitmentSummary);
export type RecruitmentPage = z.infer<typeof RecruitmentPage>;

/** What the board's columns are: one per stage, grade, supervision light or owner. */
const BoardGroupBy = z.enum(['stage', 'grade', 'light', 'owner']);

/**
 * The board: one column per value of the grouping field with its count and its first cards (worst
 * light first, then least recently touched). `key` is the stage, the grade, the light or the
 * owner's user id ('' for records without an owner); `label` is the owner's name.
 */
export const RecruitmentBoard = z
  .object({
    groupBy: BoardGroupBy,
    columns: z.array(
      z
        .object({
          key: z.string(),
          label: z.string().optional(),
          total: z.number().int(),
          items: z.array(RecruitmentSummary),
        })
        .strict(),
    ),
  })
  .strict();
export type RecruitmentBoard = z.infer<typeof RecruitmentBoard>;
export const BoardQuery = RecruitmentListQuery.omit({
  stage: true,
  sort: true,
  order: true,
  page: true,
  pageSize: true,
}).extend({
  groupBy: BoardGroupBy.default('stage'),
  perColumn: z.coerce.number().int().min(1).max(500).default(40),
});
export type BoardQuery = z.input<typeof BoardQuery>;

export const MyWork = z.object({
  /** Records I own, lead or serve on (not closed). */
  records: z.array(RecruitmentSummary),
  overdueMilestones: z.array(Milestone.extend({ recordId: z.uuid(), instituteName: z.string() })),
  dueThisWeek: z.array(
    z.object({
      recordId: z.uuid(),
      instituteName: z.string(),
      what: z.string(),
      dueOn: z.string(),
      kind: z.enum(['milestone', 'next_date']),
    }),
  ),
});
export type MyWork = z.infer<typeof MyWork>;

export const LedgerExportQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  /** Every entry ever written in the detail sheet (for a full backup or a move), not only the month's. */
  isFullHistory: boolFlag,
});

/** The people of the region who can own or serve on a record (for the forms). */
export const Assignable = z.array(Person.extend({ role: z.string() }));

const ImportProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

/** Preview of a ledger import: nothing is written until confirmed with the token. */
export const LedgerImportPreview = z.object({
  token: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  recordsToCreate: z.number().int(),
  recordsToUpdate: z.number().int(),
  entriesToCreate: z.number().int(),
  /** Entries already in the system (same 条目ID, or same record, date, kind and content). */
  entriesSkipped: z.number().int(),
  /** Per-row problems; `column` is `sheet!header`. Rows with problems are left out. */
  problems: z.array(ImportProblem),
  /** How many problems in all; `problems` holds the first 200. */
  problemCount: z.number().int(),
  /** The full list as .xlsx (GET this path) when there are more than `problems` shows. */
  problemsFile: z.string().nullable(),
});
export type LedgerImportPreview = z.infer<typeof LedgerImportPreview>;
export const LedgerImportResult = z.object({
  recordsCreated: z.number().int(),
  recordsUpdated: z.number().int(),
  entriesCreated: z.number().int(),
  institutesCreated: z.number().int(),
});
export type LedgerImportResult = z.infer<typeof LedgerImportResult>;
