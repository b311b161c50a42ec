import { z } from 'zod';
import { optionalText, pageOf, text } from './common.contract.ts';
import { definePipeline, StageTarget } from './pipeline.ts';
import { ProjectStage } from './projects.contract.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Phone = z
  .string()
  .trim()
  .regex(/^$|^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')
  .default('');
/** Integer fen, up to 10 billion yuan. */
const Fen = z.number().int().min(0).max(1_000_000_000_000);
const Keywords = z.array(text(40)).max(20).default([]);

// ---- needs: stages and the one table of allowed moves -----------------------------------------

/**
 * The technology-need pipeline. Forward one step; a reviewed need may go back to collection
 * (returned for changes); any open need may be closed; a closed need reopens as collected.
 */
export const needPipeline = definePipeline({
  key: 'need',
  stages: ['collected', 'reviewed', 'published', 'matching', 'contracted', 'closed'],
  sideExits: ['closed'],
  labels: {
    collected: { zh: '已征集', en: 'Collected' },
    reviewed: { zh: '已审核', en: 'Reviewed' },
    published: { zh: '已发布', en: 'Published' },
    matching: { zh: '对接中', en: 'Matching' },
    contracted: { zh: '已签约', en: 'Contracted' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
  moves: {
    collected: ['reviewed', 'closed'],
    reviewed: ['published', 'collected', 'closed'],
    published: ['matching', 'closed'],
    matching: ['contracted', 'published', 'closed'],
    contracted: ['closed'],
    closed: ['collected'],
  },
  requires: {},
  groups: {
    collected: 'active',
    reviewed: 'active',
    published: 'active',
    matching: 'active',
    contracted: 'done',
    closed: 'stopped',
  },
  dateOrder: [],
});

export const NEED_STAGES = needPipeline.stages;
export const NeedStage = needPipeline.Stage;
export type NeedStage = (typeof NEED_STAGES)[number];
export const NEED_STAGE_LABELS = needPipeline.labels;
/** Needs that institutes may see and the engine recommends to them. */
export const OPEN_NEED_STAGES: readonly NeedStage[] = ['published', 'matching'];

export const COOPERATION_FORMS = [
  'development',
  'transfer',
  'license',
  'consulting',
  'service',
  'joint_lab',
  'platform',
  'talent',
] as const;
export const CooperationForm = z.enum(COOPERATION_FORMS);
export type CooperationForm = z.infer<typeof CooperationForm>;
export const COOPERATION_FORM_LABELS: Record<CooperationForm, { zh: string; en: string }> = {
  development: { zh: '技术开发', en: 'Technology development' },
  transfer: { zh: '技术转让', en: 'Technology transfer' },
  license: { zh: '技术许可', en: 'Licensing' },
  consulting: { zh: '技术咨询', en: 'Consulting' },
  service: { zh: '技术服务', en: 'Technical service' },
  joint_lab: { zh: '共建联合实验室', en: 'Joint lab' },
  platform: { zh: '共建创新平台', en: 'Platform co-building' },
  talent: { zh: '人才合作', en: 'Talent cooperation' },
};

export const NeedInput = z
  .object({
    /** Staff pick the enterprise; enterprise users' needs are always their own (ignored). */
    enterpriseId: z.uuid().nullable().default(null),
    title: text(120),
    description: text(5000),
    keywords: Keywords,
    industryId: z.uuid().nullable().default(null),
    budgetMinFen: Fen.nullable().default(null),
    budgetMaxFen: Fen.nullable().default(null),
    cooperationForms: z.array(CooperationForm).max(8).default([]),
    deadline: IsoDate.nullable().default(null),
    contactName: optionalText(40),
    contactPhone: Phone,
  })
  .refine((n) => n.budgetMinFen === null || n.budgetMaxFen === null || n.budgetMaxFen >= n.budgetMinFen, {
    path: ['budgetMaxFen'],
    message: '预算上限不能低于下限',
  });
export type NeedInput = z.input<typeof NeedInput>;

export const Need = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  industryId: z.uuid().nullable(),
  industryName: z.string().nullable(),
  budgetMinFen: z.number().int().nullable(),
  budgetMaxFen: z.number().int().nullable(),
  cooperationForms: z.array(CooperationForm),
  deadline: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  stage: NeedStage,
  /** The office's custom stage inside `stage`, or null. */
  subStage: z.string().nullable(),
  stageChangedAt: z.string(),
  reviewNote: z.string(),
  allowedStages: z.array(NeedStage),
  /** null: the reader may not read pairings (an enterprise), never a 0 that only means "none you may see". */
  pairings: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof Need>;
export const NeedPage = pageOf(Need);
export type NeedPage = z.infer<typeof NeedPage>;

export const NeedListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  stage: NeedStage.optional(),
  industryId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type NeedListQuery = z.input<typeof NeedListQuery>;

/** A move of a need: the target stage, maybe the office's custom stage inside it, a note. */
export const NeedStageInput = StageTarget.extend({ to: NeedStage, note: optionalText(500) });
export type NeedStageInput = z.input<typeof NeedStageInput>;

// ---- achievements -------------------------------------------------------------------------------

export const IP_TYPES = [
  'invention_patent',
  'utility_patent',
  'software',
  'know_how',
  'variety',
  'none',
] as const;
export const IpType = z.enum(IP_TYPES);
export type IpType = z.infer<typeof IpType>;
export const IP_TYPE_LABELS: Record<IpType, { zh: string; en: string }> = {
  invention_patent: { zh: '发明专利', en: 'Invention patent' },
  utility_patent: { zh: '实用新型专利', en: 'Utility model' },
  software: { zh: '软件著作权', en: 'Software copyright' },
  know_how: { zh: '技术秘密', en: 'Know-how' },
  variety: { zh: '植物新品种', en: 'Plant variety' },
  none: { zh: '无', en: 'None' },
};

export const AchievementInput = z.object({
  /** Staff pick the institute; institute partners' achievements are always their own (ignored). */
  instituteId: z.uuid().nullable().default(null),
  title: text(200),
  abstract: text(10_000),
  keywords: Keywords,
  industryId: z.uuid().nullable().default(null),
  trl: z.number().int().min(1).max(9),
  ipType: IpType.default('none'),
  ipNumbers: z.array(text(60)).max(50).default([]),
  cooperationForms: z.array(CooperationForm).max(8).default([]),
});
export type AchievementInput = z.input<typeof AchievementInput>;

export const Achievement = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  instituteId: z.uuid(),
  instituteName: z.string(),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  industryId: z.uuid().nullable(),
  industryName: z.string().nullable(),
  trl: z.number().int(),
  ipType: IpType,
  ipNumbers: z.array(z.string()),
  cooperationForms: z.array(CooperationForm),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Achievement = z.infer<typeof Achievement>;
export const AchievementPage = pageOf(Achievement);
export type AchievementPage = z.infer<typeof AchievementPage>;

export const AchievementListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  instituteId: z.uuid().optional(),
  industryId: z.uuid().optional(),
  minTrl: z.coerce.number().int().min(1).max(9).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AchievementListQuery = z.input<typeof AchievementListQuery>;

/** JSONL import in the corpus format: owners are institute names (matched or created). */
export const AchievementJsonlResult = z.object({
  created: z.number().int(),
  institutesCreated: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
  /** How many problems in all; `problems` holds the first 200. */
  problemCount: z.number().int(),
  /** The full list as .xlsx (GET this path) when there are more than `problems` shows. */
  problemsFile: z.string().nullable(),
});
export type AchievementJsonlResult = z.infer<typeof AchievementJsonlResult>;

// ---- recommendations ----------------------------------------------------------------------------

export const RecommendationQuery = z.object({
  industryId: z.uuid().optional(),
  /** The institute's city (e.g. 北京). */
  city: z.string().trim().max(40).optional(),
  level: z.string().trim().max(40).optional(),
  minTrl: z.coerce.number().int().min(1).max(9).optional(),
  top: z.coerce.number().int().min(1).max(50).default(10),
});
export type RecommendationQuery = z.input<typeof RecommendationQuery>;

/** A matched query term: where it was found and its part of the score. */
export const MatchedTerm = z.object({ term: z.string(), fields: z.array(z.string()), score: z.number() });
export type MatchedTerm = z.infer<typeof MatchedTerm>;

export const RecommendedAchievement = z.object({
  id: z.uuid(),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  trl: z.number().int(),
  instituteId: z.uuid(),
  instituteName: z.string(),
  score: z.number(),
  /** This achievement's part of its institute's score (institute list), else 1. */
  share: z.number(),
  matches: z.array(MatchedTerm),
});
export type RecommendedAchievement = z.infer<typeof RecommendedAchievement>;

export const RecommendedExpert = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  field: z.string(),
  instituteId: z.uuid(),
  instituteName: z.string(),
  score: z.number(),
  matches: z.array(MatchedTerm),
});
export type RecommendedExpert = z.infer<typeof RecommendedExpert>;

export const RecommendationStatus = z.enum(['open', 'accepted', 'rejected']);
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;

export const RecommendedInstitute = z.object({
  instituteId: z.uuid(),
  name: z.string(),
  level: z.string(),
  city: z.string(),
  score: z.number(),
  terms: z.array(z.string()),
  /** The achievements and experts that carried the institute, with their shares. */
  achievements: z.array(RecommendedAchievement),
  experts: z.array(RecommendedExpert),
  status: RecommendationStatus,
  pairingId: z.uuid().nullable(),
  rejectionReason: z.string().nullable(),
});
export type RecommendedInstitute = z.infer<typeof RecommendedInstitute>;

export const NeedRecommendations = z.object({
  needId: z.uuid(),
  /** Index freshness: the last change the answering process had applied, and when it caught up. */
  indexChangeId: z.number().int(),
  institutes: z.array(RecommendedInstitute),
  achievements: z.array(RecommendedAchievement),
  experts: z.array(RecommendedExpert),
  /** Institutes the engine ranked but left out as too weak (below the confidence, no shared term). */
  weakInstitutes: z.number().int().default(0),
  /** The `top` asked for: fewer institutes than this means only these were relevant enough. */
  asked: z.number().int().default(10),
});
export type NeedRecommendations = z.infer<typeof NeedRecommendations>;

export const RecommendedNeed = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  enterpriseName: z.string(),
  stage: NeedStage,
  score: z.number(),
  matches: z.array(MatchedTerm),
});
export type RecommendedNeed = z.infer<typeof RecommendedNeed>;
export const InstituteNeedRecommendations = z.object({
  instituteId: z.uuid(),
  needs: z.array(RecommendedNeed),
});
export type InstituteNeedRecommendations = z.infer<typeof InstituteNeedRecommendations>;

/** Open needs one achievement could answer (which local enterprises need it). */
export const AchievementNeedRecommendations = z.object({
  achievementId: z.uuid(),
  needs: z.array(RecommendedNeed),
});
export type AchievementNeedRecommendations = z.infer<typeof AchievementNeedRecommendations>;

export const REJECTION_REASONS = [
  'too_early',
  'benefit_unclear',
  'route_unclear',
  'description_unclear',
  'other',
] as const;
export const RejectionReason = z.enum(REJECTION_REASONS);
export type RejectionReason = z.infer<typeof RejectionReason>;
export const REJECTION_REASON_LABELS: Record<RejectionReason, { zh: string; en: string }> = {
  too_early: { zh: '技术尚不成熟', en: 'Too early' },
  benefit_unclear: { zh: '效益不明确', en: 'Benefit unclear' },
  route_unclear: { zh: '技术路线不清晰', en: 'Route unclear' },
  description_unclear: { zh: '需求描述不清', en: 'Description unclear' },
  other: { zh: '其他', en: 'Other' },
};

export const RejectInput = z
  .object({ instituteId: z.uuid(), reason: RejectionReason, note: optionalText(500) })
  .refine((r) => r.reason !== 'other' || r.note.length > 0, {
    path: ['note'],
    message: '选择“其他”时请说明原因',
  });
export type RejectInput = z.input<typeof RejectInput>;

export const RejectionReport = z.array(
  z.object({
    instituteId: z.uuid(),
    instituteName: z.string(),
    total: z.number().int(),
    reasons: z.record(z.string(), z.number().int()),
  }),
);
export type RejectionReport = z.infer<typeof RejectionReport>;

// ---- pairings -----------------------------------------------------------------------------------

export const PAIRING_OUTCOMES = ['none', 'intention', 'agreement'] as const;
export const PairingOutcome = z.enum(PAIRING_OUTCOMES);
export type PairingOutcome = z.infer<typeof PairingOutcome>;
export const PAIRING_OUTCOME_LABELS: Record<PairingOutcome, { zh: string; en: string }> = {
  none: { zh: '待跟进', en: 'Follow-up' },
  intention: { zh: '达成意向', en: 'Intention' },
  agreement: { zh: '签订协议', en: 'Agreement signed' },
};

export const PairingInput = z.object({
  needId: z.uuid(),
  instituteId: z.uuid(),
  achievementId: z.uuid().nullable().default(null),
  eventId: z.uuid().nullable().default(null),
  outcome: PairingOutcome.default('none'),
  note: optionalText(500),
});
export type PairingInput = z.input<typeof PairingInput>;

export const PairingUpdateInput = z.object({
  eventId: z.uuid().nullable().optional(),
  outcome: PairingOutcome.optional(),
  note: optionalText(500).optional(),
});
export type PairingUpdateInput = z.input<typeof PairingUpdateInput>;

export const Pairing = z.object({
  id: z.uuid(),
  needId: z.uuid(),
  needTitle: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  instituteId: z.uuid(),
  instituteName: z.string(),
  achievementId: z.uuid().nullable(),
  achievementTitle: z.string().nullable(),
  source: z.enum(['recommendation', 'event', 'manual']),
  eventId: z.uuid().nullable(),
  eventTitle: z.string().nullable(),
  /**
   * Follows the project signed from the pairing, if any: 达成意向 once registered, 签订协议 once
   * the project is signed (or beyond); the recorded outcome otherwise.
   */
  outcome: PairingOutcome,
  note: z.string(),
  createdAt: z.string(),
  /** The project signed from this pairing (at most one: a unique index refuses a second). */
  project: z.object({ id: z.uuid(), title: z.string(), stage: ProjectStage }).nullable(),
});
export type Pairing = z.infer<typeof Pairing>;
export const PairingListQuery = z.object({
  needId: z.uuid().optional(),
  eventId: z.uuid().optional(),
  instituteId: z.uuid().optional(),
});
